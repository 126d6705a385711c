import bwipjs from "bwip-js/node";
import { displayGtin } from "./gtin";

const symbology: Record<number, string> = { 8: "ean8", 12: "upca", 13: "ean13", 14: "itf14" };

/** The printed symbol for a stored 14-digit GTIN: EAN-8, UPC-A, EAN-13 or ITF-14 by its shortest form. */
export function barcodeSvg(gtin14: string): string {
  const text = displayGtin(gtin14);
  return bwipjs.toSVG({
    bcid: symbology[text.length] ?? "ean13",
    text,
    scale: 2,
    height: 18,
    includetext: true,
    backgroundcolor: "FFFFFF",
  });
}
