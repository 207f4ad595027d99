// Markup escaping per platform. Telegram and Zalo messages are sent as plain text (no parse mode),
// so only Slack mrkdwn needs escaping; the HTML variant serves Telegram if a parse mode is ever used.

/** Slack mrkdwn: only &, < and > are control characters (https://api.slack.com/reference/surfaces/formatting). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Telegram parse_mode HTML. */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
