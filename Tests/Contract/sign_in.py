#!/usr/bin/env python3
"""Signs in to a running Jixiao as one account and prints the session cookie and the CSRF token (one per line), for
API tools that take headers (scripts/api-contract.sh)."""
import http.cookiejar
import json
import re
import sys
import urllib.parse
import urllib.request

base, user, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = opener.open(base + "/login").read().decode()
token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
form = urllib.parse.urlencode({"_csrf": token, "username": user, "password": password, "next": "/"}).encode()
opener.open(base + "/login", form)
session = json.loads(opener.open(base + "/api/v1/session").read())
print("; ".join(f"{cookie.name}={cookie.value}" for cookie in jar if cookie.name == "jixiao-session"))
print(session["csrfToken"])
