enum AWSClientPlaceholder {}
