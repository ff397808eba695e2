package org.tidemark.sensors.ingest;

/** Why a reading was refused at ingest; rejects are counted by reason. */
public enum RejectReason {
    MALFORMED, MISSING_FIELD, UNKNOWN_STATION, UNKNOWN_PROPERTY, BAD_UNIT, OUT_OF_RANGE, BAD_TIME, FUTURE_TIME,
    BAD_QUALITY, BAD_FRAME, BAD_CRC
}
