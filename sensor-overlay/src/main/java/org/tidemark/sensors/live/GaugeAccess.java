package org.tidemark.sensors.live;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.tidemark.core.access.AccessDecision;
import org.tidemark.core.access.AccessPolicy;
import org.tidemark.core.access.CredentialCheck;
import org.tidemark.core.access.Principal;
import org.tidemark.core.filter.Filter;
import org.tidemark.core.filter.FilterEvaluator;
import org.tidemark.core.sensor.Station;

/**
 * The access gate applied to the sensor read paths (REST and SSE): every read asks the
 * {@link AccessPolicy} about the {@code gauges} layer for the caller, then shows only the stations the
 * row filter and spatial limit allow and only the visible attributes. Fails closed: a filter that cannot
 * be evaluated hides the station.
 */
public final class GaugeAccess {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private final AccessPolicy policy;
    private final GaugeFeatures features;

    public GaugeAccess(AccessPolicy policy, GaugeFeatures features) {
        this.policy = policy;
        this.features = features;
    }

    /** How long a followed view is trusted without asking the gate again. */
    static final long REFRESH_NANOS = 2_000_000_000L;

    /**
     * The view of one principal for a long-lived stream (SSE, WebSocket): asked again whenever the access
     * policy changed on this instance and at least every two seconds, so a revoked, expired or narrowed
     * grant applies to streams already open — and so does a credential that stopped holding (logout, an
     * expired token): the view is then empty and the stream ends.
     */
    public Followed follow(Principal principal, CredentialCheck credential) { return new Followed(principal, credential); }

    /** As above, for a caller whose credential cannot lapse. */
    public Followed follow(Principal principal) { return follow(principal, CredentialCheck.ALWAYS); }

    public final class Followed {
        private final Principal principal;
        private final CredentialCheck credential;
        private View view;
        private long version;
        private long at;

        private Followed(Principal principal, CredentialCheck credential) {
            this.principal = principal;
            this.credential = credential == null ? CredentialCheck.ALWAYS : credential;
            refresh();
        }

        /** The current view (cheap when nothing changed: one version read). */
        public View current() {
            if (policy.version() != version || System.nanoTime() - at > REFRESH_NANOS) refresh();
            return view;
        }

        private void refresh() {
            version = policy.version();
            view = stillValid() ? viewFor(principal) : new View(AccessDecision.DENY);
            at = System.nanoTime();
        }

        private boolean stillValid() {
            try {
                return credential.stillValid();
            } catch (RuntimeException e) {
                return false;   // fail closed
            }
        }
    }

    /** The view one principal has of the gauges. */
    public View viewFor(Principal principal) {
        AccessDecision d;
        try {
            d = policy.decide(principal == null ? Principal.ANONYMOUS : principal, GaugeFeatures.LAYER);
        } catch (RuntimeException e) {
            d = AccessDecision.DENY;
        }
        return new View(d == null ? AccessDecision.DENY : d);
    }

    public final class View {
        private final AccessDecision decision;

        private View(AccessDecision decision) { this.decision = decision; }

        public boolean visible() { return decision.visible(); }

        public boolean attributeVisible(String name) { return decision.attributeVisible(name); }

        /** Whether this principal sees every station and every attribute (events need no per-station check). */
        public boolean unrestricted() {
            return decision.visible() && decision.attributes() == null && decision.spatialLimit() == null
                    && decision.rowFilter() instanceof Filter.Include;
        }

        /** Whether every attribute is visible (payloads can be sent as published). */
        public boolean unmasked() { return decision.attributes() == null; }

        public boolean stationVisible(Station s) {
            if (!decision.visible()) return false;
            if (decision.spatialLimit() != null
                    && !decision.spatialLimit().covers(GEOMETRY.createPoint(new Coordinate(s.longitude(), s.latitude())))) {
                return false;
            }
            if (decision.rowFilter() instanceof Filter.Include) return true;
            try {
                return FilterEvaluator.matches(decision.rowFilter(), features.feature(s));
            } catch (RuntimeException e) {
                return false;
            }
        }

        /**
         * The payload without the gauge attributes this principal may not see ({@code STCD} always stays;
         * keys that are not attributes of the layer, such as {@code property} or {@code value}, pass).
         */
        public Map<String, Object> mask(Map<String, Object> data) {
            if (decision.attributes() == null) return data;
            Map<String, Object> out = new LinkedHashMap<>();
            data.forEach((k, v) -> {
                boolean attribute = GaugeFeatures.TYPE.attribute(k).isPresent();
                if (!attribute || k.equals("STCD") || decision.attributeVisible(k)) out.put(k, v);
            });
            return out;
        }

        /** Whether an event may reach this principal at all (station rows, and the observed property). */
        public boolean allows(LiveEvent e, Station s) {
            if (s == null || !stationVisible(s)) return false;
            if (decision.attributes() == null) return true;
            Object property = e.data().get("property");
            return !(property instanceof String p) || GaugeFeatures.TYPE.attribute(p).isEmpty()
                    || decision.attributeVisible(p);
        }
    }
}
