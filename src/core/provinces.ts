// The 63 provinces and centrally-run cities, as the province field of a document names them, and the other
// ways people write some of them. Shared by the parser (headers, titles) and search (questions, filters).

export const PROVINCES = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bạc Liêu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Dương',
  'Bình Định',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cao Bằng',
  'Cần Thơ',
  'Đà Nẵng',
  'Đắk Lắk',
  'Đắk Nông',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hà Nam',
  'Hà Nội',
  'Hà Tĩnh',
  'Hải Dương',
  'Hải Phòng',
  'Hậu Giang',
  'Hòa Bình',
  'Hồ Chí Minh',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lạng Sơn',
  'Lào Cai',
  'Lâm Đồng',
  'Long An',
  'Nam Định',
  'Nghệ An',
  'Ninh Bình',
  'Ninh Thuận',
  'Phú Thọ',
  'Phú Yên',
  'Quảng Bình',
  'Quảng Nam',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Thanh Hóa',
  'Thừa Thiên Huế',
  'Tiền Giang',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
];

/** Other names people write → the name in PROVINCES. */
export const PROVINCE_ALIASES: [string, string][] = [
  ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh'],
  ['Sài Gòn', 'Hồ Chí Minh'],
  ['TPHCM', 'Hồ Chí Minh'],
  ['HCM', 'Hồ Chí Minh'],
  ['Huế', 'Thừa Thiên Huế'],
  ['Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
  ['Đắc Lắc', 'Đắk Lắk'],
];

/** Centrally-run cities: their bodies say "thành phố" where a province's say "tỉnh" ("Công an thành phố"). */
const CENTRAL_CITIES = new Set(['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Thừa Thiên Huế']);

/** A registry name written for a province, as it reads in `province`: "Công an tỉnh" → "Công an thành phố" in Hà Nội. */
export function localAgencyName(name: string, province: string | null): string {
  return province && CENTRAL_CITIES.has(province) ? name.replace(/ tỉnh$/u, ' thành phố') : name;
}
