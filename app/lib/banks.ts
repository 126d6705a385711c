/**
 * Banks a cooperative can receive transfers at, with their NAPAS BIN (the 6 digits VietQR carries in field 38).
 * Only BINs we are sure of; a missing bank can be added here without touching the schema.
 */
export const banks = [
  { bin: "970436", code: "VCB", name: "Vietcombank" },
  { bin: "970415", code: "ICB", name: "VietinBank" },
  { bin: "970418", code: "BIDV", name: "BIDV" },
  { bin: "970405", code: "VBA", name: "Agribank" },
  { bin: "970422", code: "MB", name: "MB Bank" },
  { bin: "970407", code: "TCB", name: "Techcombank" },
  { bin: "970416", code: "ACB", name: "ACB" },
  { bin: "970403", code: "STB", name: "Sacombank" },
  { bin: "970432", code: "VPB", name: "VPBank" },
  { bin: "970423", code: "TPB", name: "TPBank" },
  { bin: "970441", code: "VIB", name: "VIB" },
  { bin: "970448", code: "OCB", name: "OCB" },
] as const;

export function bankByBin(bin: string | null | undefined) {
  return banks.find((b) => b.bin === bin) ?? null;
}
