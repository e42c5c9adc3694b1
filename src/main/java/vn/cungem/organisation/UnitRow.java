package vn.cungem.organisation;

/**
 * One unit to import: its official code, name, level and the official code of its parent (null for a root). Rows are
 * matched to existing units by code, so importing the same rows twice changes nothing.
 *
 * @param rowNumber where the row came from (spreadsheet row), for the report; any number when generated
 */
public record UnitRow(int rowNumber, String code, String name, String levelCode, String parentCode) {}
