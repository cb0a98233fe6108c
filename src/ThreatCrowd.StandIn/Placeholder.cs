namespace ThreatCrowd.StandIn; internal static class Placeholder;
