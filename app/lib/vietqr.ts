/**
 * VietQR (NAPAS) payloads: EMVCo merchant-presented QR, a string of TLV fields (2-digit id, 2-digit length,
 * value) ending with a CRC-16/CCITT-FALSE over everything before it, `6304` included.
 */

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final xor. 4 uppercase hex. */
export function crc16(input: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(input)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`TLV id must be two digits: ${id}`);
  if (value.length > 99) throw new Error(`TLV value too long for ${id}`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

/** Transfer notes are plain ASCII: diacritics dropped, đ→d, anything else outside [A-Za-z0-9 -] removed. */
export function asciiNote(input: string, maxLength = 50): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9 \-]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, maxLength)
    .trim();
}

/** The note a buyer's bank shows the cooperative: the order number first, so reconciliation is a search. */
export function orderTransferNote(orderNumber: string): string {
  return asciiNote(`${orderNumber} thanh toan don hang`);
}

export type VietQrInput = {
  bankBin: string;
  accountNumber: string;
  /** In đồng; omitted for a static (reusable) code. */
  amount?: number;
  note?: string;
  /** EMVCo additional data 62.01, used by some issuers. */
  billNumber?: string;
  /** `QRIBFTTA` to an account (default), `QRIBFTTC` to a card number. */
  service?: "QRIBFTTA" | "QRIBFTTC";
};

export function buildVietQr({ bankBin, accountNumber, amount, note, billNumber, service = "QRIBFTTA" }: VietQrInput): string {
  if (!/^\d{6}$/.test(bankBin)) throw new Error("Bank BIN must be 6 digits");
  if (!/^[0-9A-Za-z]{1,19}$/.test(accountNumber)) throw new Error("Account number must be 1-19 letters or digits");
  if (amount !== undefined && (!Number.isInteger(amount) || amount <= 0 || amount > 9_999_999_999_999)) {
    throw new Error("Amount must be a positive whole number of đồng");
  }
  const beneficiary = tlv("00", bankBin) + tlv("01", accountNumber);
  const merchant = tlv("00", "A000000727") + tlv("01", beneficiary) + tlv("02", service);
  let additional = "";
  if (billNumber) additional += tlv("01", asciiNote(billNumber, 25));
  if (note) additional += tlv("08", asciiNote(note));
  const body =
    tlv("00", "01") +
    tlv("01", amount === undefined ? "11" : "12") +
    tlv("38", merchant) +
    tlv("53", "704") +
    (amount === undefined ? "" : tlv("54", String(amount))) +
    tlv("58", "VN") +
    (additional ? tlv("62", additional) : "") +
    "6304";
  return body + crc16(body);
}

/** True when the payload's last four characters are the CRC of everything before them. */
export function hasValidCrc(payload: string): boolean {
  return payload.length > 8 && payload.slice(-8, -4) === "6304" && crc16(payload.slice(0, -4)) === payload.slice(-4);
}

/** NAPAS BINs of the banks cooperatives use most (DOMAIN.md), for showing a name beside the number. */
export const bankNames: Record<string, string> = {
  "970436": "Vietcombank",
  "970415": "VietinBank",
  "970418": "BIDV",
  "970405": "Agribank",
  "970422": "MB",
  "970407": "Techcombank",
  "970416": "ACB",
  "970403": "Sacombank",
};

export function bankLabel(bin: string): string {
  return bankNames[bin] ? `${bankNames[bin]} (${bin})` : bin;
}
