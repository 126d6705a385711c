/**
 * Illustrations the project draws itself: one SVG per kind of product (fruit, rice, coffee, tea, honey, fish
 * sauce…), coloured by the product, with its packaging (carton, gift box, bag, bottle). The seed renders them to
 * WebP as the demo products' photos; the site shows them as the placeholder of a product without a photo.
 * Nothing is downloaded. Pure: no I/O.
 */

export type ArtKind =
  | "fruit"
  | "coconut"
  | "durian"
  | "mushroom"
  | "leaves"
  | "rice"
  | "coffee"
  | "tea"
  | "honey"
  | "sauce"
  | "spice"
  | "fish"
  | "shrimp"
  | "nuts"
  | "craft"
  | "root"
  | "bottle"
  | "nest"
  | "packet";

export type Packaging = "loose" | "carton" | "box" | "bag";

const keywordKinds: [RegExp, ArtKind][] = [
  [/sầu riêng/i, "durian"],
  [/dừa sấy|kẹo|bánh|miến|sấy dẻo|long nhãn|vải thiều sấy/i, "packet"],
  [/dừa/i, "coconut"],
  [/nấm/i, "mushroom"],
  [/rau|xà lách/i, "leaves"],
  [/gạo/i, "rice"],
  [/cà phê|ca cao/i, "coffee"],
  [/chè|trà/i, "tea"],
  [/mật ong/i, "honey"],
  [/nước mắm|mắm/i, "sauce"],
  [/tiêu|quế vỏ/i, "spice"],
  [/cá /i, "fish"],
  [/tôm/i, "shrimp"],
  [/hạt|điều/i, "nuts"],
  [/giỏ|thớt|cói|gỗ/i, "craft"],
  [/sâm|khoai/i, "root"],
  [/rượu|tinh dầu|nước yến/i, "bottle"],
  [/yến/i, "nest"],
];

const categoryKinds: [RegExp, ArtKind][] = [
  [/^I\.1\.a/, "fruit"],
  [/^I\.1\.b/, "fish"],
  [/^I\.2\.a/, "rice"],
  [/^I\.2\.b/, "honey"],
  [/^I\.3/, "packet"],
  [/^I\.4\.a/, "sauce"],
  [/^I\.4/, "spice"],
  [/^I\.5/, "tea"],
  [/^I\.6/, "coffee"],
  [/^II/, "bottle"],
  [/^III/, "root"],
  [/^IV/, "craft"],
  [/^V/, "leaves"],
];

/** Colours of known produce; anything else gets a hue from its name. */
const keywordColours: [RegExp, string][] = [
  [/bưởi/i, "#8bc34a"],
  [/cam /i, "#fb8c00"],
  [/cam$/i, "#fb8c00"],
  [/xoài/i, "#fbc02d"],
  [/thanh long/i, "#d81b60"],
  [/dâu/i, "#e53935"],
  [/ổi/i, "#9ccc65"],
  [/vải/i, "#c62828"],
  [/nhãn/i, "#c8a165"],
  [/mận/i, "#8e244d"],
  [/dưa/i, "#f4a259"],
  [/na /i, "#7cb342"],
  [/khoai/i, "#7e57c2"],
  [/sen/i, "#f8bbd0"],
  [/cà phê/i, "#6d4c41"],
  [/chè|trà/i, "#558b2f"],
  [/mật ong/i, "#f9a825"],
  [/mắm/i, "#a1662f"],
  [/gạo lứt/i, "#a1483a"],
  [/gạo/i, "#e8dcc0"],
  [/tiêu/i, "#424242"],
  [/quế/i, "#8d5524"],
  [/nấm/i, "#bcaaa4"],
  [/rau|xà lách/i, "#43a047"],
  [/dừa/i, "#689f38"],
  [/sầu riêng/i, "#9e9d24"],
  [/điều/i, "#e0b97a"],
  [/sâm/i, "#d7b98e"],
  [/cá /i, "#78909c"],
  [/tôm/i, "#ef6c00"],
  [/thớt|gỗ/i, "#a1887f"],
  [/giỏ|cói/i, "#c9a96e"],
];

function hash(text: string) {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

export function artKind({ nameVi, categoryCode }: { nameVi: string; categoryCode: string }): ArtKind {
  return keywordKinds.find(([re]) => re.test(nameVi))?.[1] ?? categoryKinds.find(([re]) => re.test(categoryCode))?.[1] ?? "packet";
}

export function artColour({ nameVi }: { nameVi: string }) {
  return keywordColours.find(([re]) => re.test(nameVi))?.[1] ?? `hsl(${hash(nameVi) % 360} 55% 52%)`;
}

export function packagingFor({ unit }: { unit: string }): Packaging {
  if (unit === "thung") return "carton";
  if (unit === "hop") return "box";
  if (unit === "tui" || unit === "goi") return "bag";
  return "loose";
}

/** The motif of a kind, drawn around (0, 0) within about ±150 px, in the product's colour `c`. */
function motif(kind: ArtKind, c: string): string {
  const leaf = `<path d="M10 -118 q50 -40 90 -10 q-45 35 -90 10z" fill="#2e7d32"/><path d="M0 -95 q5 -25 14 -30" stroke="#5d4037" stroke-width="8" fill="none"/>`;
  switch (kind) {
    case "fruit":
      return `<circle r="105" fill="${c}"/><circle cx="-35" cy="-40" r="28" fill="#fff" opacity=".25"/>${leaf}`;
    case "coconut":
      return `<ellipse rx="110" ry="120" fill="${c}"/><ellipse rx="45" ry="30" cy="-85" fill="#dce775"/><circle cx="-40" cy="-20" r="20" fill="#fff" opacity=".2"/>`;
    case "durian":
      return `<ellipse rx="105" ry="120" fill="${c}"/>${Array.from({ length: 24 }, (_, i) => {
        const a = (i / 24) * Math.PI * 2;
        const x = Math.cos(a) * 105;
        const y = Math.sin(a) * 118;
        return `<path d="M${(x * 0.92).toFixed(0)} ${(y * 0.92).toFixed(0)} L${(x * 1.12).toFixed(0)} ${(y * 1.12).toFixed(0)} L${(x * 0.96 + 8).toFixed(0)} ${(y * 0.96).toFixed(0)}z" fill="#827717"/>`;
      }).join("")}`;
    case "mushroom":
      return `<rect x="-28" y="-10" width="56" height="110" rx="22" fill="#efebe9"/><path d="M-130 0 q130 -190 260 0z" fill="${c}"/><circle cx="-50" cy="-45" r="12" fill="#fff" opacity=".5"/>`;
    case "leaves":
      return `<path d="M0 110 q-140 -60 -60 -210 q40 90 60 210z" fill="${c}"/><path d="M0 110 q140 -60 60 -210 q-40 90 -60 210z" fill="#2e7d32"/><path d="M0 110 q-20 -120 0 -230 q20 110 0 230z" fill="#66bb6a"/>`;
    case "rice":
      return `<path d="M-100 -80 q100 -40 200 0 l20 170 q-120 30 -240 0z" fill="#a1887f"/><path d="M-100 -80 q100 -40 200 0 q-100 30 -200 0z" fill="${c}"/>${[-50, 0, 50]
        .map((x) => `<ellipse cx="${x}" cy="20" rx="12" ry="24" fill="#fffde7" transform="rotate(${x / 2} ${x} 20)"/>`)
        .join("")}`;
    case "coffee":
      return [[-55, -30, -25], [50, -20, 20], [0, 60, 5]]
        .map(([x, y, r]) => `<g transform="translate(${x} ${y}) rotate(${r})"><ellipse rx="55" ry="75" fill="${c}"/><path d="M0 -70 q-25 70 0 140" stroke="#3e2723" stroke-width="10" fill="none"/></g>`)
        .join("");
    case "tea":
      return `<path d="M-100 -20 h200 q0 120 -100 120 q-100 0 -100 -120z" fill="#fafafa" stroke="#90a4ae" stroke-width="6"/><path d="M100 10 q50 0 40 40 q-10 30 -50 25" stroke="#90a4ae" stroke-width="12" fill="none"/><ellipse cy="-20" rx="100" ry="18" fill="#9e9d24"/><path d="M-20 -60 q-60 -70 10 -110 q40 60 -10 110z" fill="${c}"/>`;
    case "honey":
      return `<rect x="-85" y="-70" width="170" height="175" rx="30" fill="${c}"/><rect x="-95" y="-105" width="190" height="45" rx="10" fill="#8d6e63"/><path d="M-40 -10 l20 -12 l20 12 v24 l-20 12 l-20 -12z M0 -10 l20 -12 l20 12 v24 l-20 12 l-20 -12z" fill="#fff" opacity=".35"/>`;
    case "sauce":
    case "bottle":
      return `<path d="M-25 -150 h50 v55 q55 25 55 85 v150 q0 15 -15 15 h-130 q-15 0 -15 -15 v-150 q0 -60 55 -85z" fill="${c}"/><rect x="-30" y="-170" width="60" height="28" rx="6" fill="#37474f"/><rect x="-60" y="10" width="120" height="80" rx="8" fill="#fff" opacity=".85"/><rect x="-40" y="35" width="80" height="10" fill="${c}" opacity=".7"/>`;
    case "spice":
      return `<path d="M-130 0 h260 q-10 110 -130 110 q-120 0 -130 -110z" fill="#8d6e63"/>${Array.from({ length: 14 }, (_, i) => `<circle cx="${-90 + (i % 7) * 30}" cy="${-12 - Math.floor(i / 7) * 26 + (i % 2) * 6}" r="16" fill="${c}"/>`).join("")}`;
    case "fish":
      return `<path d="M-130 0 q90 -90 200 0 q-110 90 -200 0z" fill="${c}"/><path d="M60 0 l80 -55 v110z" fill="${c}"/><circle cx="-85" cy="-10" r="10" fill="#263238"/>`;
    case "shrimp":
      return `<path d="M-90 -60 q120 -70 170 30 q30 70 -40 100 l-20 -30 q50 -20 30 -60 q-30 -60 -130 -10z" fill="${c}"/><path d="M-90 -60 l-40 -40 M-85 -55 l-60 -10" stroke="${c}" stroke-width="8"/>`;
    case "nuts":
      return [[-60, 10], [0, -40], [60, 15], [0, 60]]
        .map(([x, y]) => `<path transform="translate(${x} ${y}) rotate(${x})" d="M-30 -30 q60 -30 60 20 q0 40 -30 40 q-10 -30 -30 -20 q-30 -10 0 -40z" fill="${c}"/>`)
        .join("");
    case "craft":
      return `<path d="M-120 -30 h240 l-30 140 h-180z" fill="${c}"/>${[0, 40, 80].map((y) => `<path d="M-112 ${y} h224" stroke="#5d4037" stroke-width="6" opacity=".5"/>`).join("")}<path d="M-80 -30 q80 -120 160 0" stroke="#5d4037" stroke-width="12" fill="none"/>`;
    case "root":
      return `<path d="M-20 -120 q-40 80 -10 150 q-40 40 -60 80 M10 -120 q30 90 0 150 q40 40 70 70 M0 20 q-10 60 10 110" stroke="${c}" stroke-width="30" stroke-linecap="round" fill="none"/>${leaf}`;
    case "nest":
      return `<path d="M-130 -10 h260 q-20 120 -130 120 q-110 0 -130 -120z" fill="#f5f5f5" stroke="#bdbdbd" stroke-width="6"/><ellipse cy="-10" rx="110" ry="30" fill="${c}"/>`;
    case "packet":
    default:
      return `<path d="M-90 -120 h180 l-10 240 h-160z" fill="${c}"/><rect x="-90" y="-130" width="180" height="22" fill="#37474f" opacity=".5"/><circle cy="10" r="45" fill="#fff" opacity=".85"/><circle cy="10" r="28" fill="${c}" opacity=".8"/>`;
  }
}

function packaging(kind: Packaging, c: string) {
  switch (kind) {
    case "carton":
      return `<g transform="translate(400 360)"><path d="M-230 -120 h460 v250 h-460z" fill="#c8a27a"/><path d="M-230 -120 l40 -50 h380 l40 50z" fill="#d9b78f"/><rect x="-60" y="-120" width="120" height="250" fill="#b98b5e" opacity=".6"/><rect x="-200" y="20" width="130" height="80" fill="#fff" opacity=".85"/><rect x="-185" y="40" width="100" height="12" fill="${c}"/></g>`;
    case "box":
      return `<g transform="translate(400 360)"><rect x="-210" y="-110" width="420" height="240" rx="14" fill="#fff8e1" stroke="#b71c1c" stroke-width="8"/><rect x="-20" y="-110" width="40" height="240" fill="#c62828"/><rect x="-210" y="-10" width="420" height="36" fill="#c62828"/></g>`;
    default:
      return "";
  }
}

/**
 * An 800 × 600 illustration of a product. `variant` (e.g. the cooperative's id) moves the light and the background
 * a little, so two cooperatives' pomelos do not look identical.
 */
export function productArtSvg({ nameVi, categoryCode, unit, variant = 0 }: { nameVi: string; categoryCode: string; unit: string; variant?: number }) {
  const kind = artKind({ nameVi, categoryCode });
  const colour = artColour({ nameVi });
  const pack = packagingFor({ unit });
  const seed = hash(`${nameVi}|${variant}`);
  const hue = seed % 360;
  const cx = 200 + (seed % 400);
  const packed = pack === "carton" || pack === "box";
  const body = packed
    ? `${packaging(pack, colour)}<g transform="translate(${pack === "box" ? 300 : 520} 200) scale(.65)">${motif(kind, colour)}</g><g transform="translate(${pack === "box" ? 500 : 330} 215) scale(.55)">${motif(kind, colour)}</g>`
    : pack === "bag" && kind !== "packet" && kind !== "rice"
      ? `<g transform="translate(400 310) scale(1.3)">${motif("packet", colour)}</g><g transform="translate(400 323) scale(.45)">${motif(kind, colour)}</g>`
      : `<g transform="translate(400 310) scale(1.4)">${motif(kind, colour)}</g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" width="800" height="600"><defs><radialGradient id="bg" cx="${cx / 8}%" cy="30%" r="90%"><stop offset="0" stop-color="hsl(${hue} 60% 96%)"/><stop offset="1" stop-color="hsl(${hue} 35% 84%)"/></radialGradient></defs><rect width="800" height="600" fill="url(#bg)"/><ellipse cx="400" cy="520" rx="260" ry="26" fill="#000" opacity=".08"/>${body}</svg>`;
}
