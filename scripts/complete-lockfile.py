#!/usr/bin/env python3
# Adds lock entries for msgpackr-extract's prebuilt packages of other platforms, which this
# registry does not carry: npm ci needs every optional platform package listed, and skips the
# ones whose os/cpu do not match, so they are never fetched here.
import json, sys
path = sys.argv[1]
lock = json.load(open(path))
packages = lock['packages']
for name, os_, cpu in [('darwin-arm64', 'darwin', 'arm64'), ('darwin-x64', 'darwin', 'x64'), ('linux-arm', 'linux', 'arm'), ('win32-x64', 'win32', 'x64')]:
    key = f'node_modules/@msgpackr-extract/msgpackr-extract-{name}'
    packages.setdefault(key, {'version': '3.0.7', 'cpu': [cpu], 'license': 'MIT', 'optional': True, 'os': [os_]})
lock['packages'] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(path, 'w'), indent=2, ensure_ascii=False)
open(path, 'a').write('\n')
