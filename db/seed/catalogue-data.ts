/** Product templates: a cooperative gets those whose `match` hits its main products. */
export type ProductTemplate = {
  match: RegExp;
  vi: string;
  en: string;
  category: string;
  unit: "kg" | "tan" | "thung" | "hop" | "chai" | "tui" | "qua" | "goi";
  pack?: string;
  price: number; // đồng per unit of sale
  months: number[]; // harvest months, 1-12
  descVi: string;
  descEn: string;
  /** The name is the matched words ("Bưởi Phúc Trạch"), so three cooperatives' pomelos do not all read "Bưởi". */
  nameFromMatch?: boolean;
};

export const productTemplates: ProductTemplate[] = [
  { match: /bưởi da xanh/i, vi: "Bưởi da xanh loại 1", en: "Green-skin pomelo, grade 1", category: "I.1.a", unit: "kg", price: 45000, months: [8, 9, 10, 11, 12, 1], descVi: "Bưởi da xanh ruột hồng, vỏ mỏng, múi ráo, trồng trên đất cù lao.", descEn: "Pink-fleshed green-skin pomelo with thin skin and dry segments, grown on river-island soil." },
  { match: /bưởi da xanh/i, vi: "Bưởi da xanh hộp quà 2 trái", en: "Green-skin pomelo gift box, 2 fruits", category: "I.1.a", unit: "hop", pack: "2 trái, 3–3,5 kg", price: 180000, months: [12, 1, 2], descVi: "Hộp quà Tết hai trái bưởi da xanh tuyển chọn.", descEn: "Lunar New Year gift box of two selected green-skin pomelos." },
  { match: /dừa/i, vi: "Dừa xiêm xanh", en: "Green Siamese coconut", category: "I.1.a", unit: "qua", price: 12000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Dừa xiêm nước ngọt thanh, thu hoạch 7–8 tháng tuổi.", descEn: "Sweet-water Siamese coconut, harvested at 7–8 months." },
  { match: /dừa/i, vi: "Dừa sấy giòn", en: "Crispy dried coconut", category: "I.3.c", unit: "tui", pack: "250 g", price: 38000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Cơm dừa sấy giòn, không chất bảo quản.", descEn: "Crispy dried coconut flesh, no preservatives." },
  { match: /kẹo dừa/i, vi: "Kẹo dừa sữa lá dứa", en: "Pandan milk coconut candy", category: "I.3.c", unit: "hop", pack: "400 g", price: 45000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Kẹo dừa truyền thống Mỏ Cày, vị lá dứa.", descEn: "Traditional Mỏ Cày coconut candy with pandan." },
  { match: /nấm/i, vi: "Nấm bào ngư tươi", en: "Fresh oyster mushrooms", category: "I.1.a", unit: "kg", price: 55000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Nấm bào ngư xám trồng trong nhà màng, thu hái mỗi sáng.", descEn: "Grey oyster mushrooms grown under cover, picked every morning." },
  { match: /nấm/i, vi: "Nấm linh chi sấy khô", en: "Dried lingzhi mushroom", category: "III.1", unit: "hop", pack: "500 g", price: 650000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Linh chi đỏ sấy lạnh, thái lát.", descEn: "Freeze-dried sliced red lingzhi." },
  { match: /ổi/i, vi: "Ổi lê Đài Loan", en: "Taiwanese pear guava", category: "I.1.a", unit: "kg", price: 22000, months: [3, 4, 5, 6, 7, 8, 9, 10], descVi: "Ổi giòn, ngọt, bọc túi từng trái.", descEn: "Crunchy sweet guava, each fruit bagged on the tree." },
  { match: /ổi/i, vi: "Ổi găng", en: "Gang guava", category: "I.1.a", unit: "kg", price: 25000, months: [6, 7, 8, 9], descVi: "Ổi găng thơm đặc trưng của vùng bãi sông.", descEn: "Fragrant gang guava from the riverbank." },
  { match: /xoài/i, vi: "Xoài cát Hòa Lộc", en: "Hòa Lộc sand mango", category: "I.1.a", unit: "kg", price: 60000, months: [3, 4, 5, 6], descVi: "Xoài cát Hòa Lộc thơm, thịt mịn, chỉ dẫn địa lý.", descEn: "Fragrant, smooth-fleshed Hòa Lộc mango." },
  { match: /xoài/i, vi: "Xoài Úc", en: "Australian mango", category: "I.1.a", unit: "kg", price: 35000, months: [5, 6, 7, 8], descVi: "Xoài Úc vỏ đỏ hồng, ngọt đậm.", descEn: "Red-blushed Australian mango, rich and sweet." },
  { match: /sầu riêng/i, vi: "Sầu riêng Ri6", en: "Ri6 durian", category: "I.1.a", unit: "kg", price: 85000, months: [4, 5, 6, 7], descVi: "Sầu riêng Ri6 cơm vàng, hạt lép.", descEn: "Ri6 durian with yellow flesh and small seeds." },
  { match: /sầu riêng/i, vi: "Sầu riêng Monthong", en: "Monthong durian", category: "I.1.a", unit: "kg", price: 95000, months: [5, 6, 7, 8], descVi: "Sầu riêng Monthong đạt mã số vùng trồng xuất khẩu.", descEn: "Monthong durian from an export-registered planting area." },
  { match: /rau|dâu/i, vi: "Rau xà lách thủy canh", en: "Hydroponic lettuce", category: "I.1.a", unit: "kg", price: 40000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Xà lách thủy canh sạch, không thuốc trừ sâu.", descEn: "Clean hydroponic lettuce, no pesticides." },
  { match: /dâu/i, vi: "Dâu tây Đà Lạt", en: "Đà Lạt strawberries", category: "I.1.a", unit: "hop", pack: "500 g", price: 90000, months: [11, 12, 1, 2, 3, 4], descVi: "Dâu tây giống Nhật trồng giá thể.", descEn: "Japanese-variety strawberries grown on substrate." },
  { match: /rau/i, vi: "Rau thơm các loại", en: "Mixed fresh herbs", category: "I.1.a", unit: "kg", price: 30000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Húng, quế, tía tô, kinh giới trồng theo VietGAP.", descEn: "Mint, basil, perilla and balm grown to VietGAP." },
  { match: /gạo|lúa/i, vi: "Gạo ST25", en: "ST25 rice", category: "I.2.a", unit: "tui", pack: "5 kg", price: 165000, months: [2, 3, 10, 11], descVi: "Gạo ST25 thơm dẻo, vụ mới.", descEn: "Fragrant, soft ST25 rice from the new crop." },
  { match: /gạo|lúa/i, vi: "Gạo ST24", en: "ST24 rice", category: "I.2.a", unit: "tui", pack: "5 kg", price: 145000, months: [2, 3, 10, 11], descVi: "Gạo ST24 hạt dài, cơm mềm.", descEn: "Long-grain ST24 rice, soft when cooked." },
  { match: /gạo|lúa/i, vi: "Gạo lứt đỏ", en: "Red brown rice", category: "I.2.a", unit: "tui", pack: "2 kg", price: 70000, months: [3, 11], descVi: "Gạo lứt đỏ giàu chất xơ.", descEn: "Fibre-rich red brown rice." },
  { match: /hữu cơ|gạo điện biên/i, vi: "Gạo hữu cơ", en: "Organic rice", category: "I.2.a", unit: "tui", pack: "5 kg", price: 190000, months: [5, 10], descVi: "Gạo canh tác hữu cơ theo TCVN 11041.", descEn: "Rice farmed organically to TCVN 11041." },
  { match: /nếp/i, vi: "Gạo nếp Tú Lệ", en: "Tú Lệ sticky rice", category: "I.2.a", unit: "kg", price: 45000, months: [9, 10], descVi: "Nếp Tú Lệ hạt tròn, thơm, dẻo.", descEn: "Round, fragrant Tú Lệ sticky rice." },
  { match: /nếp/i, vi: "Cốm Tú Lệ", en: "Tú Lệ green rice flakes", category: "I.3.b", unit: "goi", pack: "500 g", price: 80000, months: [9, 10], descVi: "Cốm non làm thủ công.", descEn: "Handmade young green rice flakes." },
  { match: /cà phê/i, vi: "Cà phê Robusta nhân xanh", en: "Green Robusta coffee beans", category: "I.6", unit: "kg", price: 110000, months: [11, 12, 1], descVi: "Robusta hái chín trên 90%, phơi giàn.", descEn: "Robusta with over 90% ripe cherries, dried on raised beds." },
  { match: /cà phê/i, vi: "Cà phê rang xay nguyên chất", en: "Pure roast ground coffee", category: "I.6", unit: "tui", pack: "500 g", price: 125000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Cà phê rang mộc, xay vừa, không tẩm ướp.", descEn: "Plain-roasted, medium-ground coffee, no additives." },
  { match: /chè|trà/i, vi: "Chè búp khô", en: "Dried tea buds", category: "I.5.a", unit: "goi", pack: "500 g", price: 220000, months: [3, 4, 5, 6, 7, 8, 9], descVi: "Chè búp sao tay, nước xanh, hậu ngọt.", descEn: "Hand-roasted tea buds, green liquor, sweet aftertaste." },
  { match: /chè|trà/i, vi: "Chè móc câu đặc biệt", en: "Special hook tea", category: "I.5.a", unit: "hop", pack: "200 g", price: 180000, months: [3, 4, 5], descVi: "Chè móc câu một tôm hai lá.", descEn: "Hook-shaped tea, one bud and two leaves." },
  { match: /ô long/i, vi: "Trà Ô long Cầu Đất", en: "Cầu Đất oolong tea", category: "I.5.a", unit: "hop", pack: "250 g", price: 260000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Ô long vò viên, hương hoa.", descEn: "Rolled oolong with a floral aroma." },
  { match: /shan/i, vi: "Chè Shan tuyết cổ thụ", en: "Ancient Shan tuyết tea", category: "I.5.a", unit: "goi", pack: "250 g", price: 350000, months: [3, 4, 8, 9], descVi: "Búp chè từ cây Shan tuyết hàng trăm năm tuổi.", descEn: "Buds from Shan tuyết trees hundreds of years old." },
  { match: /sen/i, vi: "Hạt sen khô", en: "Dried lotus seeds", category: "I.2.b", unit: "tui", pack: "500 g", price: 150000, months: [5, 6, 7, 8], descVi: "Hạt sen đã bỏ tim, sấy khô.", descEn: "Dried lotus seeds with the germ removed." },
  { match: /sen/i, vi: "Trà tim sen", en: "Lotus germ tea", category: "I.5.b", unit: "hop", pack: "100 g", price: 90000, months: [5, 6, 7, 8], descVi: "Tim sen sấy, giúp ngủ ngon.", descEn: "Dried lotus germ, a calming infusion." },
  { match: /mật ong/i, vi: "Mật ong nguyên chất", en: "Pure honey", category: "I.2.b", unit: "chai", pack: "500 ml", price: 160000, months: [1, 2, 3, 4, 11, 12], descVi: "Mật ong nguyên chất, độ ẩm dưới 20%.", descEn: "Pure honey, moisture under 20%." },
  { match: /mật ong/i, vi: "Mật ong hoa bạc hà", en: "Mint-flower honey", category: "I.2.b", unit: "chai", pack: "250 ml", price: 140000, months: [10, 11, 12], descVi: "Mật ong hoa bạc hà cao nguyên đá.", descEn: "Honey from mint flowers of the rocky highlands." },
  { match: /nước mắm/i, vi: "Nước mắm cá cơm 40 độ đạm", en: "Anchovy fish sauce, 40° protein", category: "I.4.a", unit: "chai", pack: "500 ml", price: 95000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Nước mắm truyền thống ủ chượp 12 tháng trong thùng gỗ.", descEn: "Traditional fish sauce fermented 12 months in wooden vats." },
  { match: /nước mắm/i, vi: "Nước mắm nhĩ thượng hạng", en: "Premium first-press fish sauce", category: "I.4.a", unit: "chai", pack: "250 ml", price: 120000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Nước mắm nhĩ giọt đầu tiên.", descEn: "The first drops of the press." },
  { match: /mắm tôm/i, vi: "Mắm tôm Hậu Lộc", en: "Hậu Lộc shrimp paste", category: "I.4.a", unit: "chai", pack: "400 g", price: 45000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Mắm tôm moi ủ chượp truyền thống.", descEn: "Traditionally fermented shrimp paste." },
  { match: /tiêu/i, vi: "Hồ tiêu đen", en: "Black pepper", category: "I.4.b", unit: "kg", price: 150000, months: [1, 2, 3, 4], descVi: "Tiêu đen hạt chắc, cay nồng.", descEn: "Dense, pungent black pepper." },
  { match: /tiêu/i, vi: "Tiêu sọ trắng", en: "White pepper", category: "I.4.b", unit: "kg", price: 220000, months: [2, 3, 4], descVi: "Tiêu sọ bóc vỏ thủ công.", descEn: "Hand-hulled white pepper." },
  { match: /vải/i, vi: "Vải thiều tươi", en: "Fresh lychee", category: "I.1.a", unit: "kg", price: 35000, months: [5, 6, 7], descVi: "Vải thiều hạt nhỏ, cùi dày.", descEn: "Small-seeded, thick-fleshed lychee." },
  { match: /vải/i, vi: "Vải thiều sấy khô", en: "Dried lychee", category: "I.3.c", unit: "kg", price: 160000, months: [6, 7, 8], descVi: "Vải sấy củi nhãn truyền thống.", descEn: "Lychee dried over longan wood." },
  { match: /nhãn/i, vi: "Nhãn lồng Hưng Yên", en: "Hưng Yên longan", category: "I.1.a", unit: "kg", price: 50000, months: [7, 8], descVi: "Nhãn lồng cùi dày, giòn, ngọt sắc.", descEn: "Thick, crunchy, intensely sweet longan." },
  { match: /nhãn/i, vi: "Long nhãn sấy", en: "Dried longan flesh", category: "I.3.c", unit: "goi", pack: "500 g", price: 200000, months: [8, 9], descVi: "Cùi nhãn sấy vàng óng.", descEn: "Golden dried longan flesh." },
  { match: /bưởi diễn|bưởi phúc trạch|bưởi năm roi/i, nameFromMatch: true, vi: "Bưởi", en: "Pomelo", category: "I.1.a", unit: "kg", price: 40000, months: [9, 10, 11, 12, 1], descVi: "Bưởi đặc sản vùng, múi mọng, vị ngọt thanh.", descEn: "The region's speciality pomelo, juicy and mildly sweet." },
  { match: /cam/i, vi: "Cam Vinh", en: "Vinh orange", category: "I.1.a", unit: "kg", price: 38000, months: [10, 11, 12, 1], descVi: "Cam Vinh vỏ mỏng, nhiều nước.", descEn: "Thin-skinned, juicy Vinh orange." },
  { match: /sâm/i, vi: "Sâm Ngọc Linh tươi", en: "Fresh Ngọc Linh ginseng", category: "III.1", unit: "kg", price: 120000000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Sâm Ngọc Linh trồng dưới tán rừng, trên 5 năm tuổi.", descEn: "Ngọc Linh ginseng grown under forest canopy, over 5 years old." },
  { match: /sâm/i, vi: "Rượu sâm Ngọc Linh", en: "Ngọc Linh ginseng liquor", category: "II.1.b", unit: "chai", pack: "500 ml", price: 1500000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Rượu ngâm sâm Ngọc Linh.", descEn: "Liquor steeped with Ngọc Linh ginseng." },
  { match: /quế/i, vi: "Quế vỏ Trà Bồng", en: "Trà Bồng cinnamon bark", category: "I.4.b", unit: "kg", price: 90000, months: [4, 5, 6, 7, 8], descVi: "Vỏ quế dày, hàm lượng tinh dầu cao.", descEn: "Thick bark, high in essential oil." },
  { match: /quế/i, vi: "Tinh dầu quế", en: "Cinnamon essential oil", category: "III.3", unit: "chai", pack: "50 ml", price: 180000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Tinh dầu quế chưng cất hơi nước.", descEn: "Steam-distilled cinnamon oil." },
  { match: /yến/i, vi: "Yến sào tinh chế", en: "Cleaned bird's nest", category: "I.3.d", unit: "hop", pack: "100 g", price: 3500000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Tổ yến nhà đã làm sạch lông.", descEn: "House-farmed bird's nest, cleaned by hand." },
  { match: /yến/i, vi: "Nước yến đóng lon", en: "Canned bird's nest drink", category: "II.2.b", unit: "thung", pack: "30 lon 190 ml", price: 450000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Nước yến ít đường.", descEn: "Low-sugar bird's nest drink." },
  { match: /điều/i, vi: "Hạt điều rang muối", en: "Salted roasted cashews", category: "I.3.c", unit: "hop", pack: "500 g", price: 190000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Điều rang củi còn vỏ lụa.", descEn: "Wood-roasted cashews with their skins." },
  { match: /điều/i, vi: "Hạt điều nhân trắng W240", en: "White cashew kernels W240", category: "I.2.b", unit: "kg", price: 260000, months: [3, 4, 5], descVi: "Nhân điều trắng cỡ W240 cho chế biến.", descEn: "W240 white kernels for processors." },
  { match: /thanh long/i, vi: "Thanh long ruột đỏ", en: "Red-flesh dragon fruit", category: "I.1.a", unit: "kg", price: 25000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Thanh long ruột đỏ, đạt GlobalG.A.P.", descEn: "Red-flesh dragon fruit, GlobalG.A.P. certified." },
  { match: /dưa lưới/i, vi: "Dưa lưới nhà màng", en: "Greenhouse cantaloupe", category: "I.1.a", unit: "kg", price: 45000, months: [2, 3, 4, 5, 9, 10], descVi: "Dưa lưới ruột cam, độ ngọt trên 14 brix.", descEn: "Orange-fleshed melon, over 14 °Brix." },
  { match: /bánh tráng/i, vi: "Bánh tráng phơi sương", en: "Dew-dried rice paper", category: "I.3.b", unit: "goi", pack: "500 g", price: 60000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Bánh tráng nướng phơi sương đêm.", descEn: "Grilled rice paper softened in the night dew." },
  { match: /khoai lang/i, vi: "Khoai lang tím Nhật", en: "Japanese purple sweet potato", category: "I.1.a", unit: "kg", price: 20000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Khoai lang tím Nhật bở, ngọt.", descEn: "Fluffy, sweet Japanese purple sweet potato." },
  { match: /tôm/i, vi: "Tôm khô Cà Mau", en: "Cà Mau dried shrimp", category: "I.3.d", unit: "kg", price: 1100000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Tôm đất phơi nắng, không phẩm màu.", descEn: "Sun-dried shrimp, no colouring." },
  { match: /tôm lúa/i, vi: "Gạo tôm lúa", en: "Rice-shrimp rotation rice", category: "I.2.a", unit: "tui", pack: "5 kg", price: 130000, months: [12, 1], descVi: "Gạo trồng luân canh trên ruộng nuôi tôm.", descEn: "Rice grown in rotation with shrimp." },
  { match: /miến/i, vi: "Miến dong Bình Liêu", en: "Bình Liêu arrowroot noodles", category: "I.3.b", unit: "goi", pack: "500 g", price: 55000, months: [11, 12, 1, 2], descVi: "Miến dong sợi dai, không tẩy trắng.", descEn: "Chewy arrowroot noodles, unbleached." },
  { match: /na/i, vi: "Na dai Chi Lăng", en: "Chi Lăng custard apple", category: "I.1.a", unit: "kg", price: 55000, months: [7, 8, 9], descVi: "Na dai trên núi đá vôi.", descEn: "Custard apples from limestone hills." },
  { match: /hạt dẻ/i, vi: "Hạt dẻ Trùng Khánh", en: "Trùng Khánh chestnuts", category: "I.1.a", unit: "kg", price: 150000, months: [9, 10], descVi: "Hạt dẻ bùi, thơm, chỉ dẫn địa lý.", descEn: "Nutty, fragrant chestnuts with a geographical indication." },
  { match: /mận/i, vi: "Mận hậu Mộc Châu", en: "Mộc Châu plums", category: "I.1.a", unit: "kg", price: 40000, months: [5, 6, 7], descVi: "Mận hậu giòn, chua ngọt.", descEn: "Crunchy sweet-sour plums." },
  { match: /mận/i, vi: "Mận sấy dẻo", en: "Soft dried plums", category: "I.3.c", unit: "tui", pack: "300 g", price: 70000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Mận sấy ít đường.", descEn: "Low-sugar dried plums." },
  { match: /cá tra/i, vi: "Cá tra phi lê đông lạnh", en: "Frozen pangasius fillet", category: "I.1.b", unit: "thung", pack: "10 kg", price: 850000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Phi lê cá tra cấp đông IQF.", descEn: "IQF-frozen pangasius fillets." },
  { match: /cá tra/i, vi: "Khô cá tra phồng", en: "Dried puffed pangasius", category: "I.3.d", unit: "kg", price: 180000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Khô cá tra một nắng.", descEn: "Lightly sun-dried pangasius." },
  { match: /cói/i, vi: "Giỏ cói thủ công", en: "Handwoven sedge basket", category: "IV.1", unit: "qua", price: 120000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Giỏ cói đan tay, nhuộm tự nhiên.", descEn: "Hand-woven sedge basket, natural dyes." },
  { match: /gỗ cao su/i, vi: "Thớt gỗ cao su", en: "Rubberwood cutting board", category: "IV.1", unit: "qua", price: 150000, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], descVi: "Thớt gỗ cao su ghép, xử lý an toàn thực phẩm.", descEn: "Food-safe finger-jointed rubberwood board." },
  { match: /sen|xoài, sen/i, vi: "Củ sen tươi", en: "Fresh lotus root", category: "I.1.a", unit: "kg", price: 35000, months: [6, 7, 8, 9], descVi: "Củ sen đầm Tháp Mười.", descEn: "Lotus root from the Tháp Mười marsh." },
];

export const memberNames = [
  "Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung", "Huỳnh Văn Em", "Võ Thị Giang", "Đặng Văn Hải",
  "Bùi Thị Hồng", "Đỗ Văn Khánh", "Hồ Thị Lan", "Ngô Văn Minh", "Dương Thị Nga", "Lý Văn Phát", "Trương Thị Quyên",
  "Mai Văn Sang", "Tạ Thị Thu", "Châu Văn Út", "Lâm Thị Vân", "Quách Văn Xuân", "Kiều Thị Yến",
];

export const certifiers = ["VIETCERT", "FITES", "Q-CERT", "Trung tâm Chứng nhận Phù hợp QUACERT", "Control Union Việt Nam"];
