"""A headless Chromium driven by selenium, for the report tests.

Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them) and
the ``browser`` extra (selenium); where any is missing the tests skip and say
which.  The flags keep Chromium from reaching for the network at all: this
machine's network is closed, and a report must not need one.
"""

from __future__ import annotations

import shutil
import tempfile

import pytest

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1")


def start(width: int = 1400, height: int = 1000, javascript: bool = True):
    """A new Chrome session (and its profile folder), or a pytest skip."""
    try:
        from selenium import webdriver
    except ImportError:
        pytest.skip("selenium is not installed: pip install -e '.[browser]'")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not browser or not driver_path:
        pytest.skip("no headless browser: apt-get install chromium chromium-driver")
    profile = tempfile.mkdtemp(prefix="fg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    try:
        driver = webdriver.Chrome(options=options,
                                  service=webdriver.ChromeService(executable_path=driver_path))
    except Exception as exc:  # noqa: BLE001 - a browser that will not start here
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"chromium did not start: {str(exc).splitlines()[0]}")
    driver.profile_dir = profile
    return driver


def stop(driver) -> None:
    try:
        driver.quit()
    finally:
        shutil.rmtree(driver.profile_dir, ignore_errors=True)
