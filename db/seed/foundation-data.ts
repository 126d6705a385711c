/** Demo cooperatives: real names from the press where DOMAIN.md gives them, realistic ones elsewhere. */
export type SeedCooperative = {
  name: string;
  type: "htx" | "tht" | "lhhtx";
  province: string; // current unit code
  formerProvince?: string; // the name people still use
  commune: string;
  main: string;
  members: number;
  areaHa: number;
  founded: number;
};

export const seedCooperatives: SeedCooperative[] = [
  { name: "HTX Nông nghiệp Phú Ngãi", type: "htx", province: "86", formerProvince: "Bến Tre", commune: "Xã Phú Ngãi", main: "Bưởi da xanh, dừa xiêm", members: 86, areaHa: 120, founded: 2016 },
  { name: "HTX Nấm sạch Bình Dương", type: "htx", province: "79", formerProvince: "Bình Dương", commune: "Phường Thủ Dầu Một", main: "Nấm bào ngư, nấm linh chi", members: 24, areaHa: 3, founded: 2018 },
  { name: "HTX Ổi Thanh Kiên", type: "htx", province: "31", formerProvince: "Hải Dương", commune: "Xã Thanh Hà", main: "Ổi lê, ổi găng", members: 52, areaHa: 45, founded: 2017 },
  { name: "HTX Tân Nông Phát", type: "htx", province: "82", formerProvince: "Tiền Giang", commune: "Xã Cái Bè", main: "Xoài cát Hòa Lộc, sầu riêng", members: 40, areaHa: 60, founded: 2019 },
  { name: "HTX Nhân Đức", type: "htx", province: "68", commune: "Phường Xuân Hương - Đà Lạt", main: "Rau thủy canh, dâu tây", members: 31, areaHa: 12, founded: 2015 },
  { name: "HTX Cao su Nhật Hưng", type: "htx", province: "79", formerProvince: "Bình Dương", commune: "Xã Trừ Văn Thố", main: "Đồ gỗ cao su", members: 110, areaHa: 900, founded: 2010 },
  { name: "HTX Gạo ST25 Cù Lao Dung", type: "htx", province: "92", formerProvince: "Sóc Trăng", commune: "Xã Cù Lao Dung", main: "Gạo ST25, gạo ST24", members: 140, areaHa: 350, founded: 2014 },
  { name: "HTX Cà phê Ea Tu", type: "htx", province: "66", commune: "Phường Buôn Ma Thuột", main: "Cà phê Robusta, cà phê rang xay", members: 95, areaHa: 210, founded: 2012 },
  { name: "HTX Nông nghiệp Dịch vụ Cầu Đất", type: "htx", province: "68", commune: "Xã Xuân Trường - Đà Lạt", main: "Chè Ô long, rau", members: 60, areaHa: 80, founded: 2013 },
  { name: "HTX Chè Tân Cương", type: "htx", province: "19", commune: "Xã Tân Cương", main: "Chè búp, chè móc câu", members: 73, areaHa: 55, founded: 2011 },
  { name: "HTX Mật ong Bạc Hà", type: "htx", province: "15", commune: "Xã Bắc Hà", main: "Mật ong bạc hà", members: 38, areaHa: 0, founded: 2016 },
  { name: "HTX Nước mắm Khải Hoàn", type: "htx", province: "91", formerProvince: "Kiên Giang", commune: "Đặc khu Phú Quốc", main: "Nước mắm Phú Quốc", members: 20, areaHa: 2, founded: 2009 },
  { name: "HTX Hồ tiêu Chư Sê", type: "htx", province: "52", commune: "Xã Chư Sê", main: "Hồ tiêu đen, tiêu sọ", members: 120, areaHa: 300, founded: 2015 },
  { name: "HTX Vải thiều Thanh Hà", type: "htx", province: "31", formerProvince: "Hải Dương", commune: "Xã Thanh Lâm", main: "Vải thiều, vải sấy", members: 90, areaHa: 150, founded: 2012 },
  { name: "HTX Nhãn lồng Phố Hiến", type: "htx", province: "33", commune: "Phường Phố Hiến", main: "Nhãn lồng, long nhãn", members: 47, areaHa: 40, founded: 2016 },
  { name: "HTX Bưởi Diễn Phú Diễn", type: "htx", province: "01", commune: "Phường Phú Diễn", main: "Bưởi Diễn", members: 35, areaHa: 25, founded: 2018 },
  { name: "HTX Cam Vinh Nghi Lộc", type: "htx", province: "40", commune: "Xã Nghi Lộc", main: "Cam Vinh", members: 58, areaHa: 70, founded: 2014 },
  { name: "HTX Bưởi Phúc Trạch", type: "htx", province: "42", commune: "Xã Phúc Trạch", main: "Bưởi Phúc Trạch", members: 64, areaHa: 95, founded: 2013 },
  { name: "HTX Sâm Ngọc Linh Tu Mơ Rông", type: "htx", province: "51", formerProvince: "Kon Tum", commune: "Xã Tu Mơ Rông", main: "Sâm Ngọc Linh, rượu sâm", members: 45, areaHa: 30, founded: 2017 },
  { name: "HTX Quế Trà Bồng", type: "htx", province: "51", commune: "Xã Trà Bồng", main: "Quế vỏ, tinh dầu quế", members: 80, areaHa: 400, founded: 2015 },
  { name: "HTX Nông nghiệp Hữu cơ Triệu Phong", type: "htx", province: "44", commune: "Xã Triệu Phong", main: "Gạo hữu cơ", members: 70, areaHa: 110, founded: 2018 },
  { name: "HTX Hồ tiêu Vĩnh Linh", type: "htx", province: "44", commune: "Xã Vĩnh Linh", main: "Hồ tiêu", members: 42, areaHa: 60, founded: 2016 },
  { name: "HTX Sen Phú Mậu", type: "htx", province: "46", commune: "Phường Phú Mậu", main: "Hạt sen, trà tim sen", members: 28, areaHa: 15, founded: 2019 },
  { name: "HTX Rau Trà Quế", type: "htx", province: "48", formerProvince: "Quảng Nam", commune: "Phường Hội An Tây", main: "Rau thơm Trà Quế", members: 33, areaHa: 18, founded: 2014 },
  { name: "HTX Yến sào Cam Ranh", type: "htx", province: "56", commune: "Phường Cam Ranh", main: "Yến sào, nước yến", members: 18, areaHa: 1, founded: 2017 },
  { name: "HTX Xoài Cam Lâm", type: "htx", province: "56", commune: "Xã Cam Lâm", main: "Xoài Úc, xoài cát", members: 55, areaHa: 140, founded: 2015 },
  { name: "HTX Hạt điều Bù Đăng", type: "htx", province: "75", formerProvince: "Bình Phước", commune: "Xã Bù Đăng", main: "Hạt điều rang muối", members: 150, areaHa: 600, founded: 2011 },
  { name: "HTX Thanh long Hàm Thuận", type: "htx", province: "68", formerProvince: "Bình Thuận", commune: "Xã Hàm Thuận", main: "Thanh long ruột đỏ", members: 77, areaHa: 190, founded: 2013 },
  { name: "HTX Dưa lưới Tân Châu", type: "htx", province: "80", formerProvince: "Tây Ninh", commune: "Xã Tân Châu", main: "Dưa lưới nhà màng", members: 22, areaHa: 9, founded: 2020 },
  { name: "HTX Bánh tráng Trảng Bàng", type: "htx", province: "80", commune: "Phường Trảng Bàng", main: "Bánh tráng phơi sương", members: 40, areaHa: 0, founded: 2016 },
  { name: "HTX Khoai lang Bình Tân", type: "htx", province: "86", commune: "Xã Bình Tân", main: "Khoai lang tím Nhật", members: 66, areaHa: 130, founded: 2017 },
  { name: "HTX Kẹo dừa Mỏ Cày", type: "htx", province: "86", formerProvince: "Bến Tre", commune: "Xã Mỏ Cày", main: "Kẹo dừa, dừa sấy", members: 30, areaHa: 20, founded: 2012 },
  { name: "HTX Tôm lúa Thới Bình", type: "htx", province: "96", commune: "Xã Thới Bình", main: "Tôm khô, gạo tôm lúa", members: 85, areaHa: 260, founded: 2016 },
  { name: "HTX Mật ong U Minh Hạ", type: "htx", province: "96", commune: "Xã U Minh", main: "Mật ong rừng tràm", members: 26, areaHa: 0, founded: 2018 },
  { name: "HTX Sầu riêng Cái Mơn", type: "htx", province: "86", formerProvince: "Bến Tre", commune: "Xã Chợ Lách", main: "Sầu riêng Ri6, Monthong", members: 48, areaHa: 75, founded: 2015 },
  { name: "HTX Chè Shan tuyết Lũng Phìn", type: "htx", province: "08", formerProvince: "Hà Giang", commune: "Xã Lũng Phìn", main: "Chè Shan tuyết cổ thụ", members: 39, areaHa: 65, founded: 2017 },
  { name: "HTX Miến dong Bình Liêu", type: "htx", province: "22", commune: "Xã Bình Liêu", main: "Miến dong", members: 25, areaHa: 35, founded: 2014 },
  { name: "HTX Na Chi Lăng", type: "htx", province: "20", commune: "Xã Chi Lăng", main: "Na dai", members: 61, areaHa: 120, founded: 2016 },
  { name: "HTX Hạt dẻ Trùng Khánh", type: "htx", province: "04", commune: "Xã Trùng Khánh", main: "Hạt dẻ", members: 29, areaHa: 50, founded: 2018 },
  { name: "HTX Nếp Tú Lệ", type: "htx", province: "15", formerProvince: "Yên Bái", commune: "Xã Tú Lệ", main: "Gạo nếp Tú Lệ, cốm", members: 57, areaHa: 85, founded: 2015 },
  { name: "HTX Mận hậu Mộc Châu", type: "htx", province: "14", commune: "Phường Mộc Châu", main: "Mận hậu, mận sấy", members: 44, areaHa: 100, founded: 2016 },
  { name: "HTX Chè Long Cốc", type: "htx", province: "25", commune: "Xã Long Cốc", main: "Chè xanh", members: 50, areaHa: 70, founded: 2013 },
  { name: "Tổ hợp tác Rau an toàn Văn Đức", type: "tht", province: "01", commune: "Xã Bát Tràng", main: "Rau an toàn", members: 15, areaHa: 8, founded: 2019 },
  { name: "Liên hiệp HTX Nông nghiệp Đồng Tháp", type: "lhhtx", province: "82", commune: "Phường Cao Lãnh", main: "Xoài, sen, gạo", members: 12, areaHa: 800, founded: 2018 },
  { name: "HTX Cá tra Thoại Sơn", type: "htx", province: "91", commune: "Xã Thoại Sơn", main: "Cá tra phi lê, khô cá", members: 36, areaHa: 40, founded: 2014 },
  { name: "HTX Bưởi Năm Roi Bình Minh", type: "htx", province: "86", commune: "Phường Bình Minh", main: "Bưởi Năm Roi", members: 59, areaHa: 88, founded: 2012 },
  { name: "HTX Mắm tôm Hậu Lộc", type: "htx", province: "38", commune: "Xã Hậu Lộc", main: "Mắm tôm, mắm tép", members: 32, areaHa: 5, founded: 2015 },
  { name: "HTX Cói Kim Sơn", type: "htx", province: "37", commune: "Xã Kim Sơn", main: "Đồ cói thủ công", members: 68, areaHa: 30, founded: 2011 },
  { name: "HTX Vải thiều Lục Ngạn", type: "htx", province: "24", formerProvince: "Bắc Giang", commune: "Xã Lục Ngạn", main: "Vải thiều", members: 130, areaHa: 320, founded: 2012 },
  { name: "HTX Gạo Mường Thanh", type: "htx", province: "11", commune: "Phường Mường Thanh", main: "Gạo Điện Biên", members: 75, areaHa: 200, founded: 2016 },
  { name: "HTX Chè Tam Đường", type: "htx", province: "12", commune: "Xã Tam Đường", main: "Chè Shan, chè xanh", members: 41, areaHa: 90, founded: 2017 },
];

export const seedBuyers = [
  { name: "Công ty TNHH Phân phối Nông sản Sài Gòn", province: "79", taxCode: "0312345678", type: "distributor" as const, address: "12 Nguyễn Huệ, Phường Sài Gòn" },
  { name: "Hệ thống Siêu thị Xanh Hà Nội", province: "01", taxCode: "0109876543", type: "supermarket" as const, address: "45 Láng Hạ, Phường Láng" },
  { name: "Công ty CP Xuất khẩu Nông sản Mekong", province: "92", taxCode: "1801234567", type: "exporter" as const, address: "88 Trần Hưng Đạo, Phường Ninh Kiều" },
  { name: "Công ty TNHH Chế biến Thực phẩm Đà Nẵng", province: "48", taxCode: "0401122334", type: "processor" as const, address: "7 Điện Biên Phủ, Phường Thanh Khê" },
  { name: "Chuỗi nhà hàng Quê Nhà", province: "79", taxCode: "0315566778-001", type: "restaurant" as const, address: "210 Võ Văn Tần, Phường Bàn Cờ" },
  { name: "Công ty CP Thương mại Hải Phòng Xanh", province: "31", taxCode: "0201998877", type: "distributor" as const, address: "3 Lạch Tray, Phường Lê Chân" },
];

export const DEMO_PASSWORD = "chohtx-demo-2026";

export const demoAccounts = {
  cooperative: { email: "htx@demo.chohtx.vn", name: "Nguyễn Văn Phúc", organisation: "HTX Nông nghiệp Phú Ngãi" },
  cooperativeStaff: { email: "nhanvien@demo.chohtx.vn", name: "Trần Thị Mai", organisation: "HTX Nông nghiệp Phú Ngãi" },
  buyer: { email: "buyer@demo.chohtx.vn", name: "Lê Minh Tuấn", organisation: "Công ty TNHH Phân phối Nông sản Sài Gòn" },
  alliance: { email: "lienminh@demo.chohtx.vn", name: "Phạm Thu Hà", province: "86" },
  admin: { email: "admin@demo.chohtx.vn", name: "Quản trị Chợ HTX" },
};
