import { defineMessages } from "../define";

export const productLots = defineMessages(
  {
    "productLots.title": "Các lô gần đây",
    "productLots.lead": "Người tiêu dùng quét mã QR trên bao bì sẽ thấy đúng những trang này.",
    "productLots.lot": "Lô",
    "productLots.harvested": "Thu hoạch",
    "productLots.bestBefore": "Hạn dùng",
    "productLots.quantity": "Số lượng",
    "productLots.links": "Truy xuất",
    "productLots.tracePage": "Trang truy xuất lô {lot}",
    "productLots.traceShort": "Trang truy xuất",
    "productLots.digitalLink": "GS1 Digital Link của lô {lot}",
    "productLots.digitalLinkShort": "GS1 Digital Link",
  },
  {
    "productLots.title": "Recent lots",
    "productLots.lead": "A consumer who scans the QR code on the package sees exactly these pages.",
    "productLots.lot": "Lot",
    "productLots.harvested": "Harvested",
    "productLots.bestBefore": "Best before",
    "productLots.quantity": "Quantity",
    "productLots.links": "Traceability",
    "productLots.tracePage": "Trace page of lot {lot}",
    "productLots.traceShort": "Trace page",
    "productLots.digitalLink": "GS1 Digital Link of lot {lot}",
    "productLots.digitalLinkShort": "GS1 Digital Link",
  },
);
