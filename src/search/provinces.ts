// Vietnamese provinces and centrally-run cities, to read "ở Cần Thơ", "tinh quang ngai" from a question.
import { nameKey } from './normalize.ts';

export const PROVINCES = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bạc Liêu',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Định',
  'Bình Dương',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cần Thơ',
  'Cao Bằng',
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
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lâm Đồng',
  'Lạng Sơn',
  'Lào Cai',
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
  'Thành phố Hồ Chí Minh',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
];

const EXTRA_ALIASES: [string, string][] = [
  ['Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
  ['Sài Gòn', 'Thành phố Hồ Chí Minh'],
  ['TPHCM', 'Thành phố Hồ Chí Minh'],
  ['HCM', 'Thành phố Hồ Chí Minh'],
  ['Huế', 'Thừa Thiên Huế'],
  ['Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
  ['Đắc Lắc', 'Đắk Lắk'],
];

/** Finds a province named in a normalised question; `known` are the provinces present in the DB (preferred). */
export function findProvince(normQuestion: string, known: string[]): { name: string; key: string } | null {
  const padded = ` ${normQuestion
    .split(' ')
    .filter((w) => w !== 'va')
    .join(' ')} `;
  const candidates: [string, string][] = [
    ...known.map((k): [string, string] => [k, k]),
    ...PROVINCES.map((p): [string, string] => [p, p]),
    ...EXTRA_ALIASES,
  ];
  let best: { name: string; key: string } | null = null;
  for (const [alias, name] of candidates) {
    const key = nameKey(alias);
    if (key && padded.includes(` ${key} `) && (!best || key.length > best.key.length)) {
      best = { name: known.find((k) => nameKey(k) === nameKey(name)) ?? name, key };
    }
  }
  return best;
}
