import QRCode from "qrcode";

/** QR with error correction M and the 4-module quiet zone the QR standard requires. */
export const qrPng = (text: string) => QRCode.toBuffer(text, { errorCorrectionLevel: "M", margin: 4, scale: 8, type: "png" });
export const qrSvg = (text: string) => QRCode.toString(text, { errorCorrectionLevel: "M", margin: 4, type: "svg" });
export const qrDataUrl = (text: string) => QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 4, scale: 4 });
