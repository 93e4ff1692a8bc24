#!/usr/bin/env bash
# Write .env with a fresh random SECRET_KEY the first time; never overwrite an existing one.
set -euo pipefail
[ -f .env ] && exit 0
key=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')
sed "s|^SECRET_KEY=.*|SECRET_KEY=${key}|" .env.example > .env
echo "Wrote .env (development settings, random SECRET_KEY)."
