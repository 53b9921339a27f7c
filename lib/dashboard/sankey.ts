// Provider → consumer pairs as a two-column Sankey: every provider is a node on the left
// and every consumer a node on the right, so a department that both provides and consumes
// appears twice and the graph stays acyclic (a Sankey cannot draw cycles).
/** A provider → consumer pair and its calls (the Sankey's links, the heat map's cells). */
export interface FlowLink {
  provider: string;
  providerName: string;
  consumer: string;
  consumerName: string;
  calls: number;
}

export interface SankeyNode {
  name: string;
  code: string;
  side: 'provider' | 'consumer';
}

export interface SankeyData {
  nodes: SankeyNode[];
  links: Array<{ source: number; target: number; value: number }>;
}

export function buildSankey(pairs: FlowLink[]): SankeyData {
  const nodes: SankeyNode[] = [];
  const index = new Map<string, number>();
  const nodeOf = (side: SankeyNode['side'], code: string, name: string) => {
    const key = `${side}:${code}`;
    let i = index.get(key);
    if (i === undefined) {
      i = nodes.push({ name: name || code, code, side }) - 1;
      index.set(key, i);
    }
    return i;
  };
  // Providers first so they take the first indexes: Recharts lays nodes out by depth anyway.
  for (const p of pairs) nodeOf('provider', p.provider, p.providerName);
  const links = pairs
    .filter((p) => p.calls > 0)
    .map((p) => ({ source: nodeOf('provider', p.provider, p.providerName), target: nodeOf('consumer', p.consumer, p.consumerName), value: p.calls }));
  return { nodes, links };
}
