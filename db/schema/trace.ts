// Traceability tables (lots, lot members, events, serials, scans) live here.
export {};
