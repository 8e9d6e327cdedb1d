/** `npm run bench -- NAME`: each benchmark prints its figures, the last line one JSON object. */
const benches: Record<string, () => Promise<unknown>> = {
  tree: async () => (await import('./tree.bench.ts')).run(),
  elections: async () => (await import('./elections.bench.ts')).run(),
  campaigns: async () => (await import('./campaigns.bench.ts')).run(),
  delegates: async () => (await import('./delegates.bench.ts')).run(),
  composition: async () => (await import('./composition.ts')).benchComposition(),
  consultation: async () => (await import('./consultation.bench.ts')).run(),
};

export {};
const benchName = process.argv[2];
if (!benchName || !benches[benchName]) {
  console.error(`Cách dùng: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
const result = await benches[benchName]!();
console.log(JSON.stringify(result));
process.exit(0);
