#!/usr/bin/env python3
"""Trim AWS's published service models to the operations IAM Lab supports.

Reads the service models botocore ships (full models: required members, types,
length limits, patterns, enums), from whichever botocore `python3` imports
(pip's, or Debian's python3-botocore), and writes src/sim/models/<service>.json.
Use a botocore of 1.35.34 or later: its EC2 models carry the member order the
AWS CLI 2.18+ prints. AWS's documentation prose is dropped: IAM Lab's help
text is its own.

    npm run gen:models
"""
import gzip
import json
import os
import sys

import botocore

DATA = os.path.join(os.path.dirname(botocore.__file__), 'data')
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'sim', 'models')

SUPPORTED = {
    'iam': ('2010-05-08', [
        'CreateRole', 'GetRole', 'ListRoles', 'UpdateRole', 'UpdateAssumeRolePolicy', 'DeleteRole',
        'PutRolePolicy', 'GetRolePolicy', 'ListRolePolicies', 'DeleteRolePolicy',
        'CreatePolicy', 'GetPolicy', 'GetPolicyVersion', 'ListPolicies', 'DeletePolicy',
        'AttachRolePolicy', 'DetachRolePolicy', 'ListAttachedRolePolicies', 'ListEntitiesForPolicy',
        'TagRole', 'UntagRole', 'ListRoleTags',
        'CreateInstanceProfile', 'GetInstanceProfile', 'ListInstanceProfiles', 'ListInstanceProfilesForRole',
        'AddRoleToInstanceProfile', 'RemoveRoleFromInstanceProfile', 'DeleteInstanceProfile',
        'TagInstanceProfile', 'UntagInstanceProfile', 'ListInstanceProfileTags',
    ]),
    'ec2': ('2016-11-15', [
        'RunInstances', 'DescribeInstances', 'StartInstances', 'StopInstances', 'TerminateInstances', 'RebootInstances',
        'ModifyInstanceMetadataOptions',
        'AssociateIamInstanceProfile', 'DescribeIamInstanceProfileAssociations',
        'ReplaceIamInstanceProfileAssociation', 'DisassociateIamInstanceProfile',
    ]),
    'sts': ('2011-06-15', ['GetCallerIdentity', 'AssumeRole']),
    'resourcegroupstaggingapi': ('2017-01-26', ['TagResources', 'UntagResources', 'GetResources']),
}

# Shape attributes that matter for parsing, validation and output; everything else is prose or wire detail.
SHAPE_KEYS = ['type', 'required', 'members', 'member', 'key', 'value', 'min', 'max', 'pattern', 'enum',
              'timestampFormat', 'exception', 'error', 'sensitive']
MEMBER_KEYS = ['shape', 'idempotencyToken', 'deprecated']


def load(service, version, name):
    path = os.path.join(DATA, service, version, name)
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    if os.path.exists(path + '.gz'):
        with gzip.open(path + '.gz', 'rt', encoding='utf-8') as f:
            return json.load(f)
    return None


def trim(service, version, operations):
    model = load(service, version, 'service-2.json')
    shapes = model['shapes']
    keep = {}

    def visit(name):
        if name in keep:
            return
        shape = shapes[name]
        trimmed = {k: shape[k] for k in SHAPE_KEYS if k in shape}
        if 'members' in shape:
            trimmed['members'] = {m: {k: v for k, v in spec.items() if k in MEMBER_KEYS}
                                  for m, spec in shape['members'].items()}
        for ref in ('member', 'key', 'value'):
            if ref in shape:
                trimmed[ref] = {'shape': shape[ref]['shape']}
        keep[name] = trimmed
        for spec in shape.get('members', {}).values():
            visit(spec['shape'])
        for ref in ('member', 'key', 'value'):
            if ref in shape:
                visit(shape[ref]['shape'])

    ops = {}
    for op in operations:
        spec = model['operations'][op]
        entry = {'name': op}
        for side in ('input', 'output'):
            if side in spec:
                entry[side] = spec[side]['shape']
                visit(spec[side]['shape'])
        if spec.get('output', {}).get('resultWrapper'):
            entry['resultWrapper'] = spec['output']['resultWrapper']
        errors = [e['shape'] for e in spec.get('errors', [])]
        for e in errors:
            visit(e)
        if errors:
            entry['errors'] = errors
        ops[op] = entry

    paginators = (load(service, version, 'paginators-1.json') or {}).get('pagination', {})
    waiters = (load(service, version, 'waiters-2.json') or {}).get('waiters', {})
    meta = model['metadata']
    return {
        '_generated': f'by scripts/gen-models.py from botocore {botocore.__version__}; do not edit by hand',
        'metadata': {k: meta[k] for k in ('apiVersion', 'endpointPrefix', 'protocol', 'serviceId', 'serviceFullName') if k in meta},
        'operations': ops,
        'shapes': dict(sorted(keep.items())),
        'paginators': {op: p for op, p in paginators.items() if op in operations},
        'waiters': {name: w for name, w in waiters.items() if w.get('operation') in operations},
    }


TS_PRIMITIVES = {'string': 'string', 'integer': 'number', 'long': 'number', 'float': 'number', 'double': 'number',
                 'boolean': 'boolean', 'timestamp': 'string', 'blob': 'string'}


def ts_ref(shapes, name):
    shape = shapes[name]
    kind = shape['type']
    if kind == 'structure' or (kind == 'string' and 'enum' in shape):
        return name
    if kind == 'list':
        return ts_ref(shapes, shape['member']['shape']) + '[]'
    if kind == 'map':
        return 'Record<string, ' + ts_ref(shapes, shape['value']['shape']) + '>'
    return TS_PRIMITIVES[kind]


def typescript(service, trimmed):
    """TypeScript declarations of every kept structure and enum, so handlers are checked against AWS's field names."""
    shapes = trimmed['shapes']
    lines = [f'// Generated by scripts/gen-models.py from the {service} service model; do not edit by hand.', '']
    for name, shape in shapes.items():
        if shape.get('exception'):
            continue
        if shape['type'] == 'string' and 'enum' in shape:
            lines.append(f'export type {name} = ' + ' | '.join(json.dumps(v) for v in shape['enum']) + ';')
        elif shape['type'] == 'structure':
            required = set(shape.get('required', []))
            lines.append(f'export interface {name} {{')
            for member, spec in shape.get('members', {}).items():
                optional = '' if member in required else '?'
                lines.append(f'  {member}{optional}: {ts_ref(shapes, spec["shape"])};')
            lines.append('}')
    return '\n'.join(lines) + '\n'


def main():
    os.makedirs(OUT, exist_ok=True)
    for service, (version, operations) in SUPPORTED.items():
        trimmed = trim(service, version, operations)
        path = os.path.join(OUT, f'{service}.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(trimmed, f, indent=1, ensure_ascii=False)
            f.write('\n')
        with open(os.path.join(OUT, f'{service}.types.ts'), 'w', encoding='utf-8') as f:
            f.write(typescript(service, trimmed))
        print(f'{path}: {len(trimmed["operations"])} operations, {len(trimmed["shapes"])} shapes', file=sys.stderr)


if __name__ == '__main__':
    main()
