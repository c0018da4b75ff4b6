# Regenerates the botocore vectors in botocore_test.go (run with python3 and boto3/botocore installed).
# Fixed clock 2026-11-29T04:00:00Z, dummy credentials; prints JSON with the raw wire requests.
import datetime, json, sys
import botocore, botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

fixed = datetime.datetime(2026, 11, 29, 4, 0, 0)
if hasattr(botocore.auth, 'get_current_datetime'):
    botocore.auth.get_current_datetime = lambda *a, **k: fixed
else:
    class FakeDT(datetime.datetime):
        @classmethod
        def utcnow(cls): return fixed
    botocore.auth.datetime.datetime = FakeDT

creds = Credentials('AKIDEXAMPLE', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY')
tcreds = Credentials('ASIAEXAMPLE', 'tmpSecretKeyEXAMPLE/abc+def', 'IQoJb3JpZ2luX2VjEXAMPLETOKEN//+==')

def wire(req, name):
    prepared = req.prepare()
    u = botocore.compat.urlsplit(prepared.url)
    target = u.path + ('?' + u.query if u.query else '')
    headers = [('Host', u.netloc)] + [(k, v if isinstance(v, str) else v.decode()) for k, v in prepared.headers.items()]
    body = prepared.body or b''
    if isinstance(body, str): body = body.encode()
    if body and 'Content-Length' not in prepared.headers:
        headers.append(('Content-Length', str(len(body))))
    raw = f"{prepared.method} {target} HTTP/1.1\r\n" + ''.join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return {'name': name, 'raw': raw + body.decode()}

out = []
r = AWSRequest(method='GET', url='http://127.0.0.1:8080/qs/accounts/123456789012/namespaces/default/users/bob%20name%2Fx%2By?max-results=5&next-token=a%20b%2Fc', headers={'User-Agent': 'Boto3/test'})
botocore.auth.SigV4Auth(creds, 'quicksight', 'us-east-1').add_auth(r)
out.append(wire(r, 'header GET path with %20 %2F %2B'))

r = AWSRequest(method='POST', url='http://127.0.0.1:8080/accounts/123456789012/namespaces/default/users', data=json.dumps({"Email": "a@example.com", "IdentityType": "QUICKSIGHT", "UserName": "bob name/x+y", "UserRole": "READER"}).encode(), headers={'Content-Type': 'application/json'})
botocore.auth.SigV4Auth(tcreds, 'quicksight', 'us-east-1').add_auth(r)
out.append(wire(r, 'header POST JSON with session token'))

r = AWSRequest(method='GET', url='http://127.0.0.1:8080/qs//accounts/./123456789012/namespaces/default/users/x/../bob%20name')
botocore.auth.SigV4Auth(creds, 'quicksight', 'us-east-1').add_auth(r)
out.append(wire(r, 'header GET path normalised by botocore'))

r = AWSRequest(method='GET', url='http://127.0.0.1:8080/accounts/123456789012/namespaces/default/users/bob', headers={'Date': 'placeholder'})
botocore.auth.SigV4Auth(creds, 'quicksight', 'us-east-1').add_auth(r)
out.append(wire(r, 'header GET signed with Date instead of X-Amz-Date'))

r = AWSRequest(method='GET', url='http://127.0.0.1:8080/accounts/123456789012/namespaces/default/users/bob%20name%2Fx%2By?max-results=5')
botocore.auth.SigV4QueryAuth(creds, 'quicksight', 'us-east-1', expires=900).add_auth(r)
out.append(wire(r, 'presigned GET SigV4QueryAuth'))

r = AWSRequest(method='GET', url='http://127.0.0.1:8080/accounts/123456789012/namespaces/default/users/alice')
botocore.auth.SigV4QueryAuth(tcreds, 'quicksight', 'us-east-1', expires=3600).add_auth(r)
out.append(wire(r, 'presigned GET with session token'))

import boto3
c = boto3.Session(aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region_name='us-east-1').client('quicksight', endpoint_url='http://127.0.0.1:8080/qs')
u = c.generate_presigned_url('describe_user', Params={'AwsAccountId':'123456789012','Namespace':'default','UserName':'bob name/x+y'}, ExpiresIn=900)
p = botocore.compat.urlsplit(u)
out.append({'name': 'boto3 generate_presigned_url describe_user', 'raw': f"GET {p.path}?{p.query} HTTP/1.1\r\nHost: {p.netloc}\r\n\r\n"})
print(json.dumps({'botocore': botocore.__version__, 'vectors': out}, indent=1))
