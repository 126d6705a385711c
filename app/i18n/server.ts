import { detectLocale, type Locale } from "./locale";

export function getLocale(request: Request): Locale {
  return detectLocale(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
}
