#!/usr/bin/env bash
set -euo pipefail
BROKER=${BROKER:-127.0.0.1:9092}
./scripts/kz topics create greetings --partitions 3     # topics are not created on first use unless --auto-create-topics
kcat -b "$BROKER" -L                                     # brokers, topics, partitions, leaders, ISRs
printf 'alice:hello\nbob:world\n' | kcat -b "$BROKER" -P -t greetings -p 0 -K:
kcat -b "$BROKER" -C -t greetings -p 0 -o beginning -e -K: # alice:hello, bob:world
