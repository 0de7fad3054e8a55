#!/usr/bin/env bash
# Runs a command inside a throw-away Linux VM that has a real SocketCAN stack and an interface vcan0 that is up.
#
#   scripts/socketcan-vm-test.sh [--timeout SECONDS] [--] COMMAND [ARG...]
#
# Why a VM: the kernel of a CI container usually has no CAN support and cannot load modules, but the Debian
# kernel package ships vcan, can and can-raw as modules. qemu boots that kernel (software emulation; KVM is used
# with PYLON4J_VM_KVM=1) with a tiny busybox initramfs that loads the modules, creates vcan0, mounts the host's root
# file system over 9p and runs COMMAND chrooted into it, in the current directory. So the host's JDK, Maven
# repository and build output are used unchanged, and what the command writes lands on the host.
#
# Inside the VM: PYLON4J_VCAN=vcan0 is set (the SocketCAN integration tests run only when it is), /tmp is a
# fresh tmpfs, and JAVA_HOME, MAVEN_OPTS, PATH and PYLON4J_* are passed through from the host.
#
# The exit status is COMMAND's; 124 if the VM did not finish within the timeout (default 600 s), 125 if the VM
# could not be set up or ended without reporting a status.
#
# Needs (Debian): qemu-system-x86 linux-image-amd64 busybox-static; the tests also use can-utils and iproute2.
set -euo pipefail

timeout_s=600
while [ $# -gt 0 ]; do
  case "$1" in
    --timeout) timeout_s="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
if [ $# -eq 0 ]; then
  echo "usage: $0 [--timeout SECONDS] [--] COMMAND [ARG...]" >&2
  exit 125
fi

fail() { echo "socketcan-vm: $*" >&2; exit 125; }

# --- the kernel: the newest one apt installed --------------------------------------------------------------
kernel=$(ls /boot/vmlinuz-* 2>/dev/null | sort -V | tail -1 || true)
[ -n "$kernel" ] || fail "no /boot/vmlinuz-* (apt-get install linux-image-amd64)"
kver=${kernel#/boot/vmlinuz-}
[ -d "/lib/modules/$kver" ] || fail "no /lib/modules/$kver for $kernel"
busybox=$(command -v busybox || true)
[ -n "$busybox" ] || fail "no busybox (apt-get install busybox-static)"
qemu=$(command -v qemu-system-x86_64 || true)
[ -n "$qemu" ] || fail "no qemu-system-x86_64 (apt-get install qemu-system-x86)"

# --- a work directory the VM can see (/tmp is replaced by a tmpfs inside the VM) -----------------------------
work=$(mktemp -d /var/tmp/pylon4j-socketcan-vm.XXXXXX)
qemu_pid=
cleanup() {
  if [ -n "$qemu_pid" ] && kill -0 "$qemu_pid" 2>/dev/null; then kill "$qemu_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the initramfs: busybox, the modules in dependency order (decompressed: busybox insmod may not), init ------
root="$work/initramfs"
mkdir -p "$root"/{bin,dev,proc,sys,host,modules}
cp "$busybox" "$root/bin/busybox"
for applet in sh mount umount insmod ip mkdir chroot poweroff sync cat echo sleep; do
  ln -s busybox "$root/bin/$applet"
done

n=0
seen=" "
for module in virtio_pci 9pnet_virtio 9p can can-raw vcan; do
  while read -r verb path _; do
    [ "$verb" = insmod ] || continue # "builtin ..." needs nothing
    case "$seen" in *" $path "*) continue ;; esac
    seen="$seen$path "
    n=$((n + 1))
    out="$root/modules/$(printf '%02d' "$n")-$(basename "$path" | sed 's/\.ko.*$//').ko"
    case "$path" in
      *.ko.xz) xz -dc "$path" > "$out" ;;
      *.ko.zst) zstd -qdc "$path" > "$out" ;;
      *.ko.gz) gzip -dc "$path" > "$out" ;;
      *) cp "$path" "$out" ;;
    esac
  done < <(modprobe --show-depends -S "$kver" "$module" 2>/dev/null || fail "modprobe cannot resolve $module for $kver")
done
[ "$n" -gt 0 ] || fail "no modules found for $kver"

# The command runs from a script file on the host, so that any quoting survives.
{
  echo "cd $(printf '%q' "$PWD") || exit 125"
  echo "export PATH=$(printf '%q' "$PATH") HOME=/root TERM=dumb LANG=C.UTF-8 PYLON4J_VCAN=vcan0"
  for var in JAVA_HOME MAVEN_OPTS $(compgen -e | grep '^PYLON4J_' || true); do
    [ "$var" = PYLON4J_VCAN ] && continue
    if [ -n "${!var+x}" ]; then echo "export $var=$(printf '%q' "${!var}")"; fi
  done
  printf '%q ' "$@"
  echo
} > "$work/command.sh"

# the top directory of a checkout under /tmp (/tmp/ci/main -> /tmp/ci, so shared/ beside it comes along), else empty
case "$PWD" in
  /tmp/?*) tmp_top=$(printf '%s' "$PWD" | cut -d/ -f1-3) ;;
  *) tmp_top= ;;
esac

cat > "$root/init" <<EOF
#!/bin/sh
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
for m in /modules/*.ko; do insmod "\$m" || echo "socketcan-vm: insmod \$m failed"; done
status=125
if mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000,cache=loose hostroot /host; then
  mount -t proc proc /host/proc
  mount -t sysfs sysfs /host/sys
  mount -t devtmpfs devtmpfs /host/dev
  # a fresh /tmp for the VM's JVMs, but a checkout that lives under the host's /tmp (a CI clone may) must stay
  # visible: keep the host's /tmp reachable and bind the checkout's top directory back into the new /tmp
  mkdir -p /hosttmp && mount -o bind /host/tmp /hosttmp
  mount -t tmpfs -o mode=1777 tmpfs /host/tmp
  case "$tmp_top" in
    /tmp/?*) mkdir -p "/host$tmp_top" && mount -o bind "/hosttmp${tmp_top#/tmp}" "/host$tmp_top" ;;
  esac
  if ip link add dev vcan0 type vcan && ip link set up vcan0; then
    echo "socketcan-vm: vcan0 is up; running the command"
    chroot /host /bin/sh $work/command.sh
    status=\$?
  else
    echo "socketcan-vm: could not create vcan0"
  fi
  echo "\$status" > /host$work/status
  sync
else
  echo "socketcan-vm: could not mount the host root over 9p"
fi
echo "PYLON4J-VM-STATUS=\$status"
poweroff -f
EOF
chmod +x "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/initrd.gz"

# --- boot ------------------------------------------------------------------------------------------------------
# Software emulation by default: where /dev/kvm exists inside a VM (nested KVM) it may open and then hang the
# guest, so KVM is used only when asked for with PYLON4J_VM_KVM=1. One emulation thread for both virtual CPUs:
# with thread=multi the guest's JVM crashed twice in about fifteen runs here (SIGILL and SIGTRAP, executing the
# data of a freshly compiled method: JIT code patched on one vCPU and run on the other), and never with
# thread=single, which costs about 30 s per run. PYLON4J_VM_TCG_THREAD=multi brings the faster mode back.
accel=(-accel "tcg,thread=${PYLON4J_VM_TCG_THREAD:-single}")
if [ "${PYLON4J_VM_KVM:-0}" = 1 ]; then accel=(-accel kvm); fi
smp=$(nproc 2>/dev/null || echo 2); [ "$smp" -gt 4 ] && smp=4; [ "$smp" -lt 2 ] && smp=2

echo "socketcan-vm: booting $kernel ($n modules) to run: $*" >&2
started=$(date +%s)
timeout --foreground -k 10 "$timeout_s" "$qemu" "${accel[@]}" -cpu max -m 2048 -smp "$smp" \
  -nographic -no-reboot -nodefaults -serial stdio -monitor none \
  -kernel "$kernel" -initrd "$work/initrd.gz" \
  -append "console=ttyS0 quiet loglevel=3 panic=-1" \
  -virtfs local,path=/,mount_tag=hostroot,security_model=passthrough,id=hr,multidevs=remap \
  < /dev/null &
qemu_pid=$!
set +e
wait "$qemu_pid"
qemu_status=$?
set -e
qemu_pid=
echo "socketcan-vm: the VM ran $(( $(date +%s) - started )) s" >&2
if [ "$qemu_status" -eq 124 ] || [ "$qemu_status" -eq 137 ]; then
  echo "socketcan-vm: timed out after $timeout_s s" >&2
  exit 124
fi
[ -s "$work/status" ] || fail "the VM ended without reporting the command's exit status (qemu exit $qemu_status)"
exit "$(cat "$work/status")"
