"""The census profile in the editor: Step 2's area picker, profile tables and charts, and Step 4's notes."""
