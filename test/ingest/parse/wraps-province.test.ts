// A line break inside a province's name ("tỉnh Đồng" / "Nai chỉ đạo …") joins the two lines; a name already whole
// before the break ("… Việt Nam" / "Định hướng …", which would read "Nam Định") does not.
import { expect, it } from 'vitest';
import { wrapsProvince } from '../../../src/ingest/parse/vn.ts';

it('joins a province name broken over two lines, not a whole name followed by a word that would make another', () => {
  expect(wrapsProvince('Khuyến khích Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng', 'Nai chỉ đạo các cơ sở')).toBe(true);
  expect(wrapsProvince('Ủy ban nhân dân thành phố Hồ Chí', 'Minh')).toBe(true);
  expect(wrapsProvince('Sở Y tế tỉnh Hà', 'Tĩnh')).toBe(true);
  expect(wrapsProvince('Ủy ban Mặt trận Tổ quốc Việt Nam', 'Định hướng phát triển')).toBe(false);
  expect(wrapsProvince('Sở Tài chính tỉnh Đồng Nai', 'Ninh Bình')).toBe(false);
  expect(wrapsProvince('các cơ quan, đơn vị', 'Nai chỉ đạo')).toBe(false);
});
