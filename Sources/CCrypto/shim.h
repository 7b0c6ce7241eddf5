// SHA-256 from the system's OpenSSL libcrypto (EVP interface).
#include <openssl/evp.h>
