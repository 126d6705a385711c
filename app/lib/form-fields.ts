/**
 * A form's fields as single strings, for parsers fed with `Object.fromEntries`: that keeps only the last of a
 * repeated field while `formData.get` reads the first, so one request could pass a check with one value and act
 * with another. A repeated field or a file where text is expected gives null: the caller answers 400.
 */
export function singleFields(formData: FormData): Record<string, string> | null {
  // A Map, then fromEntries: a field named `__proto__` stays an own property instead of replacing the prototype.
  const fields = new Map<string, string>();
  for (const [key, value] of formData) {
    if (typeof value !== "string" || fields.has(key)) return null;
    fields.set(key, value);
  }
  return Object.fromEntries(fields);
}
