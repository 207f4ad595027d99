// Ranking a passage for query words: the phrase as asked outranks the same words with a word between them.
import { describe, expect, it } from 'vitest';
import { scoreEntry } from '../../src/search/rank.ts';

const idf = () => 1;

describe('pairs of query words', () => {
  it('"hiệp thương giá" as written outranks "hiệp thương về giá", though its passage is longer', () => {
    const terms = ['hiep', 'thuong', 'gia'];
    const asAsked = scoreEntry({ norm: 'so quan ly nganh chu tri hiep thuong gia doi voi hang hoa dich vu thiet yeu' }, terms, idf);
    const split = scoreEntry({ norm: 'cac ben thuc hien hiep thuong ve gia dieu kien ky thuat' }, terms, idf);
    expect(asAsked).toBeGreaterThan(split);
  });
});
