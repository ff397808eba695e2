-- Geodesic DWithin in metres (H2 has no geography type); see org.tidemark.data.h2gis.GeodesicFunctions.
CREATE ALIAS IF NOT EXISTS TM_DWITHIN DETERMINISTIC FOR 'org.tidemark.data.h2gis.GeodesicFunctions.dwithin';
