// Which item roots one mutation batch touches: roots added (or inside what was added), and the roots
// that had nodes added inside them (a re-render, late content), each once.

export interface Root {
  el: Element;
  /** Re-read even if seen (the page re-rendered inside it). */
  force: boolean;
}

/** `reread(host)`: whether a root with nodes added inside it must be read again. */
export function rootsIn(nodes: Iterable<Node>, selector: string, reread: (host: Element) => boolean): Root[] {
  const roots: Root[] = [];
  // A re-render adds many nodes inside one item: each such item once per batch.
  let hosts: Set<Element> | undefined;
  for (const n of nodes) {
    if (n.nodeType !== 1) continue;
    const node = n as Element;
    if (node.matches(selector)) roots.push({ el: node, force: false });
    else {
      const host = node.parentElement?.closest(selector);
      if (host) (hosts ??= new Set()).add(host);
    }
    for (const el of node.querySelectorAll(selector)) roots.push({ el, force: false });
  }
  if (hosts) for (const host of hosts) roots.push({ el: host, force: reread(host) });
  return roots;
}
