/**
 * Approximate coordinates of the administrative centre of each of the 34 provincial units (since 1 July 2025), for
 * "distance by province" on offers: a straight-line figure between centres, a hint for freight, not a route.
 */
export const provinceCentres: Record<string, { lat: number; lon: number }> = {
  "01": { lat: 21.03, lon: 105.85 }, "04": { lat: 22.67, lon: 106.26 }, "08": { lat: 21.82, lon: 105.21 },
  "11": { lat: 21.39, lon: 103.02 }, "12": { lat: 22.4, lon: 103.46 }, "14": { lat: 21.33, lon: 103.91 },
  "15": { lat: 21.72, lon: 104.91 }, "19": { lat: 21.59, lon: 105.85 }, "20": { lat: 21.85, lon: 106.76 },
  "22": { lat: 20.95, lon: 107.08 }, "24": { lat: 21.27, lon: 106.19 }, "25": { lat: 21.32, lon: 105.4 },
  "31": { lat: 20.86, lon: 106.68 }, "33": { lat: 20.65, lon: 106.05 }, "37": { lat: 20.25, lon: 105.97 },
  "38": { lat: 19.81, lon: 105.78 }, "40": { lat: 18.68, lon: 105.68 }, "42": { lat: 18.34, lon: 105.91 },
  "44": { lat: 17.47, lon: 106.62 }, "46": { lat: 16.46, lon: 107.59 }, "48": { lat: 16.05, lon: 108.2 },
  "51": { lat: 15.12, lon: 108.8 }, "52": { lat: 13.78, lon: 109.22 }, "56": { lat: 12.24, lon: 109.19 },
  "66": { lat: 12.67, lon: 108.04 }, "68": { lat: 11.94, lon: 108.44 }, "75": { lat: 10.95, lon: 106.82 },
  "79": { lat: 10.78, lon: 106.7 }, "80": { lat: 10.54, lon: 106.41 }, "82": { lat: 10.36, lon: 106.36 },
  "86": { lat: 10.25, lon: 105.97 }, "91": { lat: 10.01, lon: 105.08 }, "92": { lat: 10.03, lon: 105.78 },
  "96": { lat: 9.18, lon: 105.15 },
};
