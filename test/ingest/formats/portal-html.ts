// A text twin inside the layout of a legal portal's saved page: menu, breadcrumb, banner ads, a "related
// documents" box, the full text (paragraphs, the appendix as an HTML table with rowspan/colspan), a rating widget
// and a footer. Only the full text must come out.
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function tableHtml(lines: string[]): string {
  const rows = lines
    .filter((l) => !/^\|-/.test(l))
    .map((l) =>
      l
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    );
  const out: string[] = ['<table class="MsoTableGrid" border="1">'];
  rows.forEach((r, i) => {
    if (i > 0 && r.slice(2).every((c) => !c)) {
      out.push(`<tr><td><b>${esc(r[0]!)}</b></td><td colspan="${r.length - 1}"><b>${esc(r[1]!)}</b></td></tr>`);
      return;
    }
    const cells = r.map((c, j) => {
      if (i > 0 && j >= 2 && c && rows[i - 1]?.[j] === c) return '';
      let span = 1;
      while (i > 0 && j >= 2 && c && rows[i + span]?.[j] === c) span++;
      const body = c
        .split('<br>')
        .map((p) => `<p>${esc(p)}</p>`)
        .join('');
      return `<td${span > 1 ? ` rowspan="${span}"` : ''}>${i === 0 ? `<b>${body}</b>` : body}</td>`;
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</table>');
  return out.join('\n');
}

function body(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('|')) {
      const start = i;
      while (lines[i + 1]?.startsWith('|')) i++;
      out.push(tableHtml(lines.slice(start, i + 1)));
    } else if (!l) out.push('<p>&nbsp;</p>');
    else if (l === l.toUpperCase() && /\p{L}/u.test(l)) out.push(`<p align="center"><b>${esc(l)}</b></p>`);
    else out.push(`<p>${esc(l)}</p>`);
  }
  return out.join('\n');
}

export function portalHtml(text: string): string {
  return `<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>Kế hoạch 312/KH-UBND - Cơ sở dữ liệu văn bản pháp luật</title>
<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>
<style>.menu{float:left}</style></head>
<body>
<div id="header"><div class="logo">CƠ SỞ DỮ LIỆU QUỐC GIA VỀ VĂN BẢN PHÁP LUẬT</div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/vbpq">Văn bản pháp luật</a></li><li><a href="/hoidap">Hỏi đáp</a></li><li><a href="/lienhe">Liên hệ</a></li></ul>
<form class="search"><input name="q" placeholder="Tìm kiếm văn bản"><button>Tìm kiếm</button></form></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/dongthap">Đồng Tháp</a> » Kế hoạch 312/KH-UBND</div>
<div class="banner ads"><a href="/qc"><img src="qc.png" alt="Quảng cáo">Đăng ký gói tra cứu văn bản chỉ 99.000đ/tháng</a></div>
<div id="wrapper">
<div class="left-sidebar"><h3>Văn bản liên quan</h3><ul>
<li><a href="/vb/1">Kế hoạch 245/KH-UBND phát triển hạ tầng số năm 2025</a></li>
<li><a href="/vb/2">Quyết định 411/QĐ-TTg phê duyệt Chiến lược quốc gia phát triển kinh tế số</a></li>
<li><a href="/vb/3">Chỉ thị 09/CT-UBND về an toàn thông tin mạng</a></li></ul></div>
<div class="content"><div class="tabs"><a class="active">Toàn văn</a> <a>Thuộc tính</a> <a>Lược đồ</a> <a>Tải về</a></div>
<div id="toanvancontent" class="toanvancontent">
${body(text)}
</div>
<div class="rating"><span>Đánh giá văn bản:</span> <a>★</a><a>★</a><a>★</a><a>★</a><a>★</a> <span>(12 lượt đánh giá)</span> <a href="#">Chia sẻ Facebook</a> <a href="#">In văn bản</a></div>
<div class="tin-lien-quan"><h3>Tin liên quan</h3><ul><li><a href="/tin/1">Đồng Tháp đẩy mạnh chuyển đổi số năm 2025</a></li><li><a href="/tin/2">Hội nghị sơ kết chuyển đổi số 6 tháng đầu năm</a></li></ul></div>
</div></div>
<div id="footer"><p>Bản quyền thuộc Bộ Tư pháp. Địa chỉ: 58-60 Trần Phú, Ba Đình, Hà Nội. Điện thoại: 024.62739718</p></div>
<script>document.write('<div class="popup">Quảng cáo</div>');</script>
</body></html>
`;
}
