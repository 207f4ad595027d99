// The parser and search name provinces the same way, so a province read from a question matches stored documents.
import { describe, expect, it } from 'vitest';
import { AgencyRegistry } from '../../src/ingest/agencies.ts';
import { parseDocumentText } from '../../src/ingest/parse/index.ts';
import { normalizeText } from '../../src/search/normalize.ts';
import { findProvince } from '../../src/search/provinces.ts';

const HCMC_DECISION = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HỒ CHÍ MINH
Số: 12/QĐ-UBND
Thành phố Hồ Chí Minh, ngày 10 tháng 02 năm 2026
QUYẾT ĐỊNH
Về việc ban hành Kế hoạch chuyển đổi số năm 2026
Điều 1. Giao Sở Thông tin và Truyền thông chủ trì triển khai nền tảng dữ liệu dùng chung của thành phố.
`;

describe('provinces shared by parser and search', () => {
  const [doc] = parseDocumentText(HCMC_DECISION, { fileName: 'hcm.txt', registry: new AgencyRegistry([]) });

  it.each(['o tphcm', 'tai TP Ho Chi Minh', 'thanh pho ho chi minh', 'sai gon'])('"%s" names the province the parser stored', (q) => {
    expect(doc!.province).toBeTruthy();
    expect(findProvince(normalizeText(q), [doc!.province!])?.name).toBe(doc!.province);
  });
});
