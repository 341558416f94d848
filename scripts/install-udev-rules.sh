#!/usr/bin/env bash
# Installs the udev rule that lets a non-root user open USB receipt printers and scanners
# (drivers/usb/60-counter-pos.rules), then reloads udev. Replug the device afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

rules=drivers/usb/60-counter-pos.rules
target=/etc/udev/rules.d/60-counter-pos.rules

sudo_if_needed() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

sudo_if_needed install -m 0644 "$rules" "$target"
if command -v udevadm >/dev/null 2>&1; then
    sudo_if_needed udevadm control --reload-rules
    sudo_if_needed udevadm trigger --subsystem-match=usb --action=change
else
    echo "udevadm not found: the rule takes effect after a reboot" >&2
fi
echo "Installed $target. Unplug and replug the printer or scanner."
