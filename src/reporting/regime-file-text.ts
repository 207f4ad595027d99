// The words of a refused regime file (src/reporting/regime-file.ts) in both languages: the file, the line and what
// would be valid. The schema's own messages (a custom check of src/reporting/regime-def.ts) stay as written.
import { catalog } from '../core/i18n.ts';

export const REGIME_FILE_TEXT = catalog({
  vi: {
    badJson: (name: string, why: string) => `tệp JSON ${name} không đọc được: ${why}`,
    badYaml: (line: number, name: string, why: string) => `lỗi cú pháp YAML ở dòng ${line} của ${name}: ${why}`,
    invalid: (name: string | null, issues: string) => `Định nghĩa chế độ báo cáo không hợp lệ${name ? ` (${name})` : ''}: ${issues}`,
    at: (line: number, name: string) => ` ở dòng ${line} của ${name}`,
    unknownKey: (key: string) => `khóa không hợp lệ '${key}'`,
    maybe: (key: string) => `có thể là: ${key}`,
    choices: (values: string) => `có thể là: ${values}`,
    keysUsed: (keys: string) => `các khóa được dùng: ${keys}`,
    missing: 'thiếu trường bắt buộc',
    badValue: (value: string) => `giá trị ${value} không hợp lệ`,
    mustBe: (type: string, value: string) => `phải là ${type}, không phải ${value}`,
    type: (expected: string) =>
      (
        ({
          number: 'một số',
          int: 'một số nguyên',
          string: 'một chuỗi chữ',
          array: 'một danh sách',
          object: 'một nhóm khóa: giá trị',
          boolean: 'đúng/sai',
        }) as Record<string, string>
      )[expected] ?? expected,
    empty: 'trống',
    notEmpty: 'không được để trống',
    listNotEmpty: 'danh sách không được để trống',
    atLeast: (n: string) => `không được nhỏ hơn ${n}`,
    documentRef: 'phải là số hiệu văn bản (chuỗi) hoặc mã số văn bản (số)',
    root: '(gốc)',
    own: (vi: string, _en?: string) => vi,
  },
  en: {
    badJson: (name: string, why: string) => `the JSON file ${name} cannot be read: ${why}`,
    badYaml: (line: number, name: string, why: string) => `YAML syntax error on line ${line} of ${name}: ${why}`,
    invalid: (name: string | null, issues: string) => `Invalid reporting regime definition${name ? ` (${name})` : ''}: ${issues}`,
    at: (line: number, name: string) => ` on line ${line} of ${name}`,
    unknownKey: (key: string) => `unknown key '${key}'`,
    maybe: (key: string) => `did you mean: ${key}`,
    choices: (values: string) => `choose one of: ${values}`,
    keysUsed: (keys: string) => `the keys used are: ${keys}`,
    missing: 'a required field is missing',
    badValue: (value: string) => `invalid value ${value}`,
    mustBe: (type: string, value: string) => `must be ${type}, not ${value}`,
    type: (expected: string) =>
      (
        ({
          number: 'a number',
          int: 'a whole number',
          string: 'text',
          array: 'a list',
          object: 'a group of key: value',
          boolean: 'true/false',
        }) as Record<string, string>
      )[expected] ?? expected,
    empty: 'empty',
    notEmpty: 'must not be empty',
    listNotEmpty: 'the list must not be empty',
    atLeast: (n: string) => `must not be less than ${n}`,
    documentRef: 'must be a document number (text) or a document id (a number)',
    root: '(root)',
    own: (vi: string, en?: string) => en ?? vi,
  },
});
