import { describe, expect, it } from "vitest";
import { parseAuthorizationHeader } from "./authorization-header";
import { normalizeParameters, signatureBaseString } from "./base-string";
import { parseSignedRequest, type OAuth1RequestFacts } from "./request";
import { hmacSha1Signature, signingKey, verifyHmacSha1 } from "./signature";

type FactsInput = Omit<Partial<OAuth1RequestFacts>, "headers"> & { url: string; headers: Record<string, string> };
const facts = (f: FactsInput): OAuth1RequestFacts => ({
  method: "POST",
  ...f,
  headers: { get: (name: string) => f.headers[name.toLowerCase()] ?? null },
});

describe("RFC 5849 §3.4.1.1 example", () => {
  const rfc = facts({
    url: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
    headers: {
      host: "example.com",
      "content-type": "application/x-www-form-urlencoded",
      authorization:
        'OAuth realm="Example",\r\n oauth_consumer_key="9djdj82h48djs9d2",\r\n oauth_token="kkk9d7dh3k39sjv7",\r\n ' +
        'oauth_signature_method="HMAC-SHA1",\r\n oauth_timestamp="137131201",\r\n oauth_nonce="7d8f3e4a",\r\n ' +
        'oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"',
    },
    body: "c2&a3=2+q",
  });
  const BASE =
    "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26" +
    "oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26" +
    "oauth_token%3Dkkk9d7dh3k39sjv7";

  it("builds the signature base string from header, query and form body", () => {
    const req = parseSignedRequest(rfc);
    expect(req.baseString).toBe(BASE);
    expect(req.signature).toBe("bYT5CMsGcbgUdFHObYMEfcx6bsw=");
    expect(req.consumerKey).toBe("9djdj82h48djs9d2");
    expect(req.token).toBe("kkk9d7dh3k39sjv7");
  });

  it("normalizes the parameters as §3.4.1.3.2 shows", () => {
    const params = [
      ["b5", "=%3D"], ["a3", "a"], ["c@", ""], ["a2", "r b"], ["oauth_consumer_key", "9djdj82h48djs9d2"],
      ["oauth_token", "kkk9d7dh3k39sjv7"], ["oauth_signature_method", "HMAC-SHA1"], ["oauth_timestamp", "137131201"],
      ["oauth_nonce", "7d8f3e4a"], ["c2", ""], ["a3", "2 q"],
    ] as const;
    expect(normalizeParameters(params)).toBe(
      "a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&" +
        "oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7",
    );
  });

  it("signs the §3.1 request with the client and token secrets of §3.1 (r6/TJjbC…)", () => {
    // RFC 5849 §3.1: client secret "j49sk3j29djd", token secret "dh893hdasih9".
    expect(hmacSha1Signature(BASE, "j49sk3j29djd", "dh893hdasih9")).toBe("r6/TJjbCOr97/+UU0NsvSne7s5g=");
  });

  it("parses the §3.5.1 header with realm and folded lines", () => {
    expect(parseAuthorizationHeader(rfc.headers.get("authorization")!)[0]).toEqual(["realm", "Example"]);
  });
});

describe("RFC 5849 §1.2 examples", () => {
  it("temporary credentials request (74KNZJeD…)", () => {
    const req = parseSignedRequest(
      facts({
        url: "https://photos.example.net/initiate",
        headers: {
          host: "photos.example.net",
          authorization:
            'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", ' +
            'oauth_timestamp="137131200", oauth_nonce="wIjqoS", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", ' +
            'oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"',
        },
      }),
    );
    expect(req.oauth.oauth_callback).toBe("http://printer.example.com/ready");
    expect(verifyHmacSha1(req.baseString, req.signature, "kd94hf93k423kf44")).toBe(true);
  });

  it("protected resource request (MdpQcU8i…)", () => {
    const req = parseSignedRequest(
      facts({
        method: "GET",
        url: "http://photos.example.net/photos?file=vacation.jpg&size=original",
        headers: {
          host: "photos.example.net",
          authorization:
            'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="nnch734d00sl2jdk", ' +
            'oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131202", oauth_nonce="chapoH", ' +
            'oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
        },
      }),
    );
    expect(req.baseString).toBe(
      "GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26" +
        "oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal",
    );
    expect(verifyHmacSha1(req.baseString, req.signature, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00")).toBe(true);
    expect(verifyHmacSha1(req.baseString, req.signature, "kd94hf93k423kf44", "wrong")).toBe(false);
  });

  it("OAuth Core 1.0 appendix A.5 resource request (tR3+Ty81…)", () => {
    const base = signatureBaseString("GET", "http://photos.example.net/photos", [
      ["file", "vacation.jpg"], ["size", "original"], ["oauth_consumer_key", "dpf43f3p2l4k3l03"], ["oauth_token", "nnch734d00sl2jdk"],
      ["oauth_signature_method", "HMAC-SHA1"], ["oauth_timestamp", "1191242096"], ["oauth_nonce", "kllo9940pd9333jh"], ["oauth_version", "1.0"],
    ]);
    expect(hmacSha1Signature(base, "kd94hf93k423kf44", "pfkkdhi9sl3r4s00")).toBe("tR3+Ty81lMeYAr/Fid0kMTYa/WM=");
  });
});

describe("X's “Creating a signature” example", () => {
  const CONSUMER_SECRET = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw";
  const TOKEN_SECRET = "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE";
  const header =
    'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", ' +
    'oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", ' +
    'oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"';
  const req = parseSignedRequest(
    facts({
      url: "https://api.twitter.com/1.1/statuses/update.json?include_entities=true",
      headers: { host: "api.twitter.com", authorization: header, "content-type": "application/x-www-form-urlencoded" },
      body: "status=Hello%20Ladies%20%2b%20Gentlemen%2c%20a%20signed%20OAuth%20request%21",
    }),
  );

  it("reproduces the documented base string", () => {
    expect(req.baseString).toBe(
      "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26" +
        "oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26" +
        "oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26" +
        "status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521",
    );
    expect(req.extra).toEqual([["include_entities", "true"], ["status", "Hello Ladies + Gentlemen, a signed OAuth request!"]]);
  });

  it("reproduces the documented signing key and signature", () => {
    expect(signingKey(CONSUMER_SECRET, TOKEN_SECRET)).toBe(
      "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw&LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
    );
    expect(hmacSha1Signature(req.baseString, CONSUMER_SECRET, TOKEN_SECRET)).toBe("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
    expect(verifyHmacSha1(req.baseString, req.signature, CONSUMER_SECRET, TOKEN_SECRET)).toBe(true);
  });
});
