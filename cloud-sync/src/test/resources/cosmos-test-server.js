// Starts @vercel/cosmosdb-server on 127.0.0.1 over HTTPS (key pair from the test) and answers the one request it
// lacks: the query plan (POST .../docs with x-ms-cosmos-is-query-plan-request). The real gateway parses the query;
// this stand-in always answers "a plain filter over the whole key range: no TOP, ORDER BY, DISTINCT, GROUP BY or
// aggregates". That is true of every query Footfall sends (SELECT * ... WHERE c.partitionKey = @pk), and the SDK
// then runs the query itself against the partition key ranges, which the server does support.
// Usage: node cosmos-test-server.js PFX PASSPHRASE PORT   (run with NODE_PATH or cwd at .footfall/node)
const fs = require('fs');
const { createHttpsServer } = require('@vercel/cosmosdb-server');
const [pfx, passphrase, port] = process.argv.slice(2);

const plan = JSON.stringify({
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: {
    distinctType: 'None', top: null, offset: null, limit: null, orderBy: [], orderByExpressions: [],
    groupByExpressions: [], groupByAliases: [], aggregates: [], groupByAliasToAggregateType: {},
    rewrittenQuery: '', hasSelectValue: false, dCountInfo: null, hasNonStreamingOrderBy: false
  },
  queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }]
});

const server = createHttpsServer({ pfx: fs.readFileSync(pfx), passphrase, keepAlive: true });
const handlers = server.listeners('request');
server.removeAllListeners('request');
server.on('request', (req, res) => {
  if (String(req.headers['x-ms-cosmos-is-query-plan-request']).toLowerCase() === 'true') {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'x-ms-request-charge': '0',
      'x-ms-activity-id': require('crypto').randomUUID() });
    res.end(plan);
    return;
  }
  handlers.forEach(h => h.call(server, req, res));
});
server.listen(Number(port), '127.0.0.1', () => console.log('cosmos-ready'));
