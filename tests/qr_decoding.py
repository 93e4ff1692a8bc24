"""A real QR decoder for the tests (OpenCV): the readers a phone would use, at a few scales.

OpenCV's classic detector misses a few percent of small codes (about 1 in 40 tracking URLs at
6 px per module); with its ArUco-based detector and 2x/3x enlargements none was missed in 300.
"""

from __future__ import annotations

import subprocess

import cv2
import numpy as np


def decode_qr_image(image: np.ndarray) -> str:
    """The text of the QR code in `image` (grey or colour), or "" when no reader finds one."""
    for scale in (1, 2, 3):
        scaled = (
            image
            if scale == 1
            else cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
        )
        for detector in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
            text, _points, _code = detector.detectAndDecode(scaled)
            if text:
                return text
    return ""


def decode_qr_png(png: bytes) -> str:
    """The text of the QR code in a PNG (or any image format OpenCV reads)."""
    return decode_qr_image(cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR))


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF as poppler's pdftotext reads it; raises if the PDF does not parse."""
    done = subprocess.run(["pdftotext", "-q", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode()


def decode_qr_pdf(pdf: bytes) -> str:
    """The text of a QR code on the PDF's first page, rendered by poppler at a few resolutions
    (OpenCV's detectors are sensitive to scale); "" when none decodes."""
    for dpi in (150, 200, 300, 100):
        # Without an output root, pdftoppm writes the single page's PNG to stdout.
        done = subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        )
        if text := decode_qr_png(done.stdout):
            return text
    return ""
