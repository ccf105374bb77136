/** "a", "a och b", "a, b och c": a list in a Swedish sentence. */
export function listSv(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
