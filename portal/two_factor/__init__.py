"""Two-factor sign-in to the admin: an authenticator app (TOTP) and recovery codes (django-otp).

Anyone with admin access may turn it on; the state's settings can require it for the state's
staff and for each district's administrators. Devices live in each schema, as users do.
"""
