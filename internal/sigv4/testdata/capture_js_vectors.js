// Regenerates the vectors in jsclient_test.go: npm install @aws-sdk/client-quicksight, then node capture_js_vectors.js.
// Drives @aws-sdk/client-quicksight against a local capture server and prints
// the raw wire requests (clock pinned near 2026-11-29T04:00:00Z).
const http = require('http');
const { QuickSightClient, DescribeUserCommand, RegisterUserCommand, ListUsersCommand } = require('@aws-sdk/client-quicksight');
const fixed = Date.UTC(2026, 10, 29, 4, 0, 0);
const realNow = Date.now;
Date.now = () => fixed;
const captured = [];
const srv = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    let raw = `${req.method} ${req.url} HTTP/1.1\r\n`;
    for (let i = 0; i < req.rawHeaders.length; i += 2) raw += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
    raw += '\r\n' + Buffer.concat(chunks).toString();
    captured.push(raw);
    res.setHeader('Content-Type', 'application/json');
    res.end('{"Status":200,"RequestId":"x"}');
  });
});
srv.listen(0, '127.0.0.1', async () => {
  const port = srv.address().port;
  const mk = (base, creds) => new QuickSightClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}${base}`, credentials: creds, maxAttempts: 1 });
  const lt = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
  const tmp = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'tmpSecretKeyEXAMPLE/abc+def', sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN//+==' };
  const names = [];
  await mk('/qs', lt).send(new DescribeUserCommand({ AwsAccountId: '123456789012', Namespace: 'default', UserName: 'bob name/x+y' })); names.push('DescribeUser bob name/x+y, base path /qs');
  await mk('', tmp).send(new RegisterUserCommand({ AwsAccountId: '123456789012', Namespace: 'default', Email: 'a@example.com', IdentityType: 'QUICKSIGHT', UserRole: 'READER', UserName: 'bob name/x+y' })); names.push('RegisterUser JSON body, session token');
  await mk('', lt).send(new ListUsersCommand({ AwsAccountId: '123456789012', Namespace: 'default', MaxResults: 5, NextToken: 'a b/c+d=e&f' })); names.push('ListUsers query with reserved characters');
  srv.close();
  console.log(JSON.stringify({ sdk: require('@aws-sdk/client-quicksight/package.json').version, vectors: captured.map((raw, i) => ({ name: names[i], raw })) }, null, 1));
});
