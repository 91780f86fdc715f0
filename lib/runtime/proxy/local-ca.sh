#!/bin/sh
# A local certificate authority and a certificate for X's hosts, for a TLS front (nginx.conf or
# Caddyfile beside this file) that answers for them with Devportal behind it.
#   sh lib/runtime/proxy/local-ca.sh /etc/devportal
# writes ca.pem (trust this one: NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE, the system store),
# ca-key.pem (keep it private or delete it), x-hosts.pem and x-hosts-key.pem (the front's).
set -eu
dir="${1:-.}"
mkdir -p "$dir"
cd "$dir"
umask 077
openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=Devportal local CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout ca-key.pem -out ca.pem 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=api.x.com" -keyout x-hosts-key.pem -out x-hosts.csr 2>/dev/null
cat > x-hosts.ext <<'EXT'
subjectAltName = DNS:api.x.com, DNS:api.twitter.com, DNS:upload.x.com, DNS:x.com, DNS:twitter.com, DNS:localhost, IP:127.0.0.1
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
EXT
openssl x509 -req -days 825 -in x-hosts.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial \
  -extfile x-hosts.ext -out x-hosts.pem 2>/dev/null
rm -f x-hosts.csr x-hosts.ext ca.srl
chmod 644 ca.pem x-hosts.pem
echo "local-ca: $(pwd)/ca.pem signs $(pwd)/x-hosts.pem for api.x.com api.twitter.com upload.x.com x.com twitter.com"
