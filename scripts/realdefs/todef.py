#!/usr/bin/env python3
"""todef: extract a QuickSight Definition from where its author keeps it.

Usage: todef.py SOURCE [RESOURCE] > e2e/testdata/realdefs/NAME.json

SOURCE is either
  - a CloudFormation template (YAML or JSON) and RESOURCE the logical id of
    an AWS::QuickSight::Analysis, ::Dashboard or ::Template resource with a
    Definition, or
  - a CLI input file (create-analysis/create-dashboard --cli-input-json, a
    describe-*-definition answer): a JSON object with a Definition member, or
  - a bare Definition (YAML or JSON; how the Cloud Intelligence Dashboards
    keep theirs in *-definition.yaml): DataSetIdentifierDeclarations at the
    top level, or
  - a cid-cmd resource file (YAML with dashboards/datasets/views) whose one
    dashboard keeps its Definition as a YAML string under `data:`; RESOURCE,
    when given, names the dashboard (the key under `dashboards:`).
The Definition is printed as the API's JSON, unchanged except for these
mechanical rewrites:

  DataSetIdentifierDeclarations[].DataSetArn of a CLI input file or a
  bare Definition ->
      arn:aws:quicksight:us-east-1:123456789012:dataset/ID, ID being the
      last part of the author's ARN (their account and region are
      placeholders or theirs; the tests' account is 123456789012), or the
      declaration's Identifier when the ARN is a deploy tool's placeholder
      without a "/" (cid-cmd's ${dataset_arn_NAME});
  a StaticValue written as an ISO 8601 time ("2022-10-31T20:00:00-04:00",
      how boto3 dumps a datetime) -> its epoch seconds, the API's number;
and CloudFormation's intrinsic functions:

  !GetAtt X.Arn / {"Fn::GetAtt": [X, "Arn"]}  on a dataset  ->
      arn:aws:quicksight:us-east-1:123456789012:dataset/X
      (the e2e tests create a dataset whose id is the logical id X)
  !Ref / !Sub                                  -> ${AWS::Region} us-east-1,
      ${AWS::AccountId} 123456789012, ${AWS::Partition} aws; any other
      reference is refused (exit 1), never guessed.

Nothing else is touched: keys, order, numbers and strings are the
author's (json.dump keeps 100.0 as 100.0). The e2e test
TestRealDefinitions reads the output.
"""
import datetime
import json
import re
import sys

import yaml

REGION, ACCOUNT, PARTITION = "us-east-1", "123456789012", "aws"
PSEUDO = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": PARTITION}


class Tag:
    def __init__(self, name, value):
        self.name, self.value = name, value


def tag_constructor(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tag(suffix, value)


class Loader(yaml.SafeLoader):
    pass


Loader.add_multi_constructor("!", tag_constructor)
# CloudFormation reads unquoted scalars such as 1600px and 2024-01-01 as
# strings where the schema says string; keep timestamps as text.
Loader.yaml_implicit_resolvers = {
    k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
    for k, v in Loader.yaml_implicit_resolvers.items()
}


def fail(msg):
    sys.stderr.write("cfn2def: " + msg + "\n")
    sys.exit(1)


def sub(text):
    def repl(m):
        name = m.group(1)
        if name in PSEUDO:
            return PSEUDO[name]
        fail("unresolvable reference ${%s}" % name)
    return re.sub(r"\$\{([^}!]+)\}", repl, text)


def resolve(v):
    if isinstance(v, Tag):
        return intrinsic(v.name, v.value)
    if isinstance(v, dict):
        if len(v) == 1:
            (k, arg), = v.items()
            if k.startswith("Fn::") or k == "Ref":
                return intrinsic(k.replace("Fn::", ""), arg)
        return {k: resolve(x) for k, x in v.items()}
    if isinstance(v, list):
        return [resolve(x) for x in v]
    return v


def intrinsic(name, arg):
    if name == "GetAtt":
        parts = arg.split(".") if isinstance(arg, str) else arg
        if len(parts) != 2 or parts[1] != "Arn":
            fail("unsupported GetAtt %r" % (arg,))
        return "arn:aws:quicksight:%s:%s:dataset/%s" % (REGION, ACCOUNT, parts[0])
    if name == "Sub" and isinstance(arg, str):
        return sub(arg)
    if name == "Ref" and arg in PSEUDO:
        return PSEUDO[arg]
    fail("unsupported intrinsic %s %r" % (name, arg))


def epoch_static_values(v):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if k == "StaticValue" and isinstance(x, str):
                t = datetime.datetime.fromisoformat(x).timestamp()
                x = int(t) if t == int(t) else t
            out[k] = epoch_static_values(x)
        return out
    if isinstance(v, list):
        return [epoch_static_values(x) for x in v]
    return v


def main():
    if len(sys.argv) not in (2, 3):
        fail("usage: todef.py SOURCE [RESOURCE]")
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f) if sys.argv[1].endswith(".json") else yaml.load(f, Loader=Loader)
    boards = doc.get("dashboards") if isinstance(doc.get("dashboards"), dict) else None
    if boards is not None:
        names = [sys.argv[2]] if len(sys.argv) == 3 else list(boards)
        if len(names) != 1 or not isinstance(boards.get(names[0], {}).get("data"), str):
            fail("name one dashboard of %s whose data is a Definition" % sorted(boards))
        doc = yaml.load(boards[names[0]]["data"], Loader=Loader)
        sys.argv = sys.argv[:2]
    if len(sys.argv) == 3:
        res = doc.get("Resources", {}).get(sys.argv[2])
        if res is None or "Definition" not in res.get("Properties", {}):
            fail("no resource %s with a Definition" % sys.argv[2])
        out = resolve(res["Properties"]["Definition"])
    else:
        if "Definition" in doc:
            out = doc["Definition"]
        elif "DataSetIdentifierDeclarations" in doc:
            out = doc
        else:
            fail("no Definition member")
        out = epoch_static_values(out)
        for d in out.get("DataSetIdentifierDeclarations", []):
            last = d["DataSetArn"].rsplit("/", 1)[1] if "/" in d["DataSetArn"] else d["Identifier"]
            d["DataSetArn"] = "arn:aws:quicksight:%s:%s:dataset/%s" % (REGION, ACCOUNT, last)
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
