/**
 * A Python program as a lesson with one scenario: the code in a fenced block. The fence is
 * longer than any run of backticks in the code, so nothing in the code can close it.
 */
export function pythonAsLesson(code: string): string {
  const longestRun = Math.max(2, ...Array.from(code.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const body = code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return `${fence}python\n${body}\n${fence}\n`;
}
