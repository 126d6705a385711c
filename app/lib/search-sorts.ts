/** Sort orders of the product search (browser-safe copy of the list the search model accepts). */
export const sorts = ["relevance", "price_asc", "price_desc", "newest", "stars"] as const;
