/** Value sets shared by the database schema, the zod schemas and the UI (safe to import in the browser). */
export const organisationKinds = ["cooperative", "buyer", "alliance"] as const;
export const cooperativeTypes = ["htx", "tht", "lhhtx"] as const;
export const buyerTypes = ["distributor", "supermarket", "processor", "exporter", "restaurant", "other"] as const;
export const membershipRoles = ["owner", "staff"] as const;
export const productStatuses = ["draft", "published", "archived"] as const;
export const saleUnits = ["kg", "tan", "thung", "hop", "chai", "tui", "qua", "bo", "lit", "goi"] as const;
export const lotUnits = ["kg", "tan", "thung", "hop", "chai", "tui", "bo"] as const;
export const certificateTypes = [
  "ocop",
  "vietgap",
  "organic",
  "globalgap",
  "iso9001",
  "iso22000",
  "haccp",
  "gi",
  "collective_trademark",
  "planting_area_code",
  "other",
] as const;
export const certificateStatuses = ["pending", "verified", "rejected", "revoked"] as const;
