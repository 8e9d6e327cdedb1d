/**
 * A province shaped like Quảng Ninh in 2020 (seed reports + public background, mission.md):
 * 20 district-level committees, 735 grassroots organizations = 438 committees + 297 cells.
 * Names of grassroots units are plausible inventions; the figures are the reports'.
 */
export type DemoDistrict = { code: string; name: string; kind: string; committees: number; cells: number; unitPrefix: string[] };

export const demoProvince = { code: 'QN', name: 'Đảng bộ tỉnh Quảng Ninh' };

export const demoDistricts: DemoDistrict[] = [
  { code: 'QN-HL', name: 'Đảng bộ thành phố Hạ Long', kind: 'territorial', committees: 46, cells: 24, unitPrefix: ['phường', 'xã'] },
  // Hoành Bồ joined Hạ Long in 2019; the demo records that merge through the service.
  { code: 'QN-HB', name: 'Đảng bộ huyện Hoành Bồ', kind: 'territorial', committees: 14, cells: 4, unitPrefix: ['xã', 'thị trấn'] },
  { code: 'QN-MC', name: 'Đảng bộ thành phố Móng Cái', kind: 'territorial', committees: 25, cells: 18, unitPrefix: ['phường', 'xã'] },
  { code: 'QN-CP', name: 'Đảng bộ thành phố Cẩm Phả', kind: 'territorial', committees: 35, cells: 20, unitPrefix: ['phường', 'xã'] },
  { code: 'QN-UB', name: 'Đảng bộ thành phố Uông Bí', kind: 'territorial', committees: 22, cells: 16, unitPrefix: ['phường', 'xã'] },
  { code: 'QN-DT', name: 'Đảng bộ thị xã Đông Triều', kind: 'territorial', committees: 28, cells: 14, unitPrefix: ['phường', 'xã'] },
  { code: 'QN-QY', name: 'Đảng bộ thị xã Quảng Yên', kind: 'territorial', committees: 26, cells: 16, unitPrefix: ['phường', 'xã'] },
  { code: 'QN-VD', name: 'Đảng bộ huyện Vân Đồn', kind: 'territorial', committees: 16, cells: 12, unitPrefix: ['xã', 'thị trấn'] },
  { code: 'QN-CT', name: 'Đảng bộ huyện Cô Tô', kind: 'territorial', committees: 5, cells: 6, unitPrefix: ['xã', 'thị trấn'] },
  { code: 'QN-TY', name: 'Đảng bộ huyện Tiên Yên', kind: 'territorial', committees: 15, cells: 12, unitPrefix: ['xã', 'thị trấn'] },
  { code: 'QN-DH', name: 'Đảng bộ huyện Đầm Hà', kind: 'territorial', committees: 12, cells: 10, unitPrefix: ['xã', 'thị trấn'] },
  { code: 'QN-HH', name: 'Đảng bộ huyện Hải Hà', kind: 'territorial', committees: 16, cells: 12, unitPrefix: ['xã', 'thị trấn'] },
  { code: 'QN-BL', name: 'Đảng bộ huyện Bình Liêu', kind: 'territorial', committees: 10, cells: 8, unitPrefix: ['xã', 'thị trấn'] },
  { code: 'QN-BC', name: 'Đảng bộ huyện Ba Chẽ', kind: 'territorial', committees: 10, cells: 8, unitPrefix: ['xã', 'thị trấn'] },
  { code: 'QN-TKV', name: 'Đảng bộ Than Quảng Ninh', kind: 'enterprise', committees: 60, cells: 10, unitPrefix: ['Công ty Than', 'Công ty Cổ phần Than'] },
  { code: 'QN-CA', name: 'Đảng bộ Công an tỉnh', kind: 'armedForces', committees: 20, cells: 12, unitPrefix: ['Công an', 'Phòng'] },
  { code: 'QN-QS', name: 'Đảng bộ Quân sự tỉnh', kind: 'armedForces', committees: 12, cells: 15, unitPrefix: ['Ban Chỉ huy Quân sự', 'Trung đoàn'] },
  { code: 'QN-BP', name: 'Đảng bộ Bộ đội Biên phòng tỉnh', kind: 'armedForces', committees: 14, cells: 18, unitPrefix: ['Đồn Biên phòng', 'Hải đội'] },
  { code: 'QN-KCQ', name: 'Đảng bộ Khối các cơ quan tỉnh', kind: 'agencyBloc', committees: 20, cells: 30, unitPrefix: ['Sở', 'Ban'] },
  { code: 'QN-KDN', name: 'Đảng bộ Khối doanh nghiệp tỉnh', kind: 'enterprise', committees: 27, cells: 28, unitPrefix: ['Công ty', 'Tổng công ty'] },
  { code: 'QN-HQ', name: 'Đảng bộ Cục Hải quan tỉnh', kind: 'agencyBloc', committees: 5, cells: 4, unitPrefix: ['Chi cục Hải quan', 'Đội Kiểm soát'] },
];

/** Than Quảng Ninh had nearly 19,000 members (seed report 004). */
export const coalTotalMembers = 18_950;

export const placeNames = [
  'Hồng Hà', 'Hồng Hải', 'Bạch Đằng', 'Trần Hưng Đạo', 'Yết Kiêu', 'Cao Xanh', 'Hà Khánh', 'Hà Lầm', 'Hà Trung', 'Hà Tu',
  'Hà Phong', 'Đại Yên', 'Việt Hưng', 'Tuần Châu', 'Hùng Thắng', 'Bãi Cháy', 'Giếng Đáy', 'Hà Khẩu', 'Cao Thắng', 'Hoành Bồ',
  'Thống Nhất', 'Lê Lợi', 'Sơn Dương', 'Dân Chủ', 'Quảng La', 'Bằng Cả', 'Tân Dân', 'Đồng Lâm', 'Hòa Bình', 'Vũ Oai',
  'Ka Long', 'Trần Phú', 'Hải Hòa', 'Bình Ngọc', 'Trà Cổ', 'Hải Xuân', 'Hải Yên', 'Ninh Dương', 'Vĩnh Trung', 'Vạn Ninh',
  'Cẩm Đông', 'Cẩm Tây', 'Cẩm Thạch', 'Cẩm Thủy', 'Cẩm Trung', 'Mông Dương', 'Cửa Ông', 'Quang Hanh', 'Cộng Hòa', 'Dương Huy',
  'Vàng Danh', 'Thanh Sơn', 'Quang Trung', 'Yên Thanh', 'Phương Đông', 'Nam Khê', 'Mạo Khê', 'Kim Sơn', 'Tràng An', 'Hồng Phong',
  'Đông Mai', 'Minh Thành', 'Cộng Hòa', 'Phong Cốc', 'Hà An', 'Cái Rồng', 'Đông Xá', 'Hạ Long', 'Quan Lạn', 'Minh Châu',
  'Thanh Lân', 'Đồng Tiến', 'Đông Ngũ', 'Hải Lạng', 'Đông Hải', 'Quảng Lợi', 'Quảng Tân', 'Dực Yên', 'Quảng Hà', 'Quảng Long',
  'Hoành Mô', 'Đồng Văn', 'Lục Hồn', 'Tình Húc', 'Húc Động', 'Đạp Thanh', 'Thanh Lâm', 'Nam Sơn', 'Lương Mông', 'Minh Cầm',
] as const;

export const cellNames = ['thôn', 'khu phố', 'tổ dân phố', 'bản', 'khu'] as const;
export const agencyCellNames = ['Phòng Tổ chức', 'Phòng Kế hoạch', 'Phân xưởng Khai thác', 'Phân xưởng Cơ điện', 'Văn phòng', 'Đội Xe', 'Trạm Y tế', 'Phòng Kỹ thuật'] as const;
