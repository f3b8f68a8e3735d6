package no.bosetting.housing;

/** The quality assurance of a private offer: inspected, checked in the property register, fire safety, rent level. */
public record Checklist(boolean inspectionDone, boolean propertyRegisterChecked, boolean fireSafetyOk, boolean rentReasonable) {

    public boolean complete() {
        return inspectionDone && propertyRegisterChecked && fireSafetyOk && rentReasonable;
    }
}
