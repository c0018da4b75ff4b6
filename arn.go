package sightglass

import "strings"

// IAMARN returns the ARN of an IAM principal: arn:aws:iam::<account>:<type>/<name>.
func IAMARN(accountID, typ, name string) string {
	return "arn:aws:iam::" + accountID + ":" + typ + "/" + name
}

// AssumedRoleARN returns the ARN of a role session:
// arn:aws:sts::<account>:assumed-role/<role>/<session>.
func AssumedRoleARN(accountID, role, session string) string {
	return "arn:aws:sts::" + accountID + ":assumed-role/" + role + "/" + session
}

// QuickSightARN returns arn:aws:quicksight:<region>:<account>:<resource>.
func QuickSightARN(region, accountID, resource string) string {
	return "arn:aws:quicksight:" + region + ":" + accountID + ":" + resource
}

// UserARN returns the ARN of a QuickSight user.
func UserARN(region, accountID, namespace, userName string) string {
	return QuickSightARN(region, accountID, "user/"+namespace+"/"+userName)
}

// CustomPermissionsARN returns the ARN of a custom permissions profile.
func CustomPermissionsARN(region, accountID, name string) string {
	return QuickSightARN(region, accountID, "custompermissions/"+name)
}

// ARN is a parsed Amazon Resource Name.
type ARN struct {
	Partition, Service, Region, AccountID, Resource string
}

// ParseARN splits arn:partition:service:region:account:resource. It
// reports false if s is not of that form.
func ParseARN(s string) (ARN, bool) {
	// Five colons cut it in six, the last part keeping any further colon
	// (strings.SplitN(s, ":", 6) without allocating the parts).
	var parts [6]string
	rest := s
	for i := range 5 {
		var ok bool
		if parts[i], rest, ok = strings.Cut(rest, ":"); !ok {
			return ARN{}, false
		}
	}
	parts[5] = rest
	if parts[0] != "arn" || parts[1] == "" || parts[2] == "" {
		return ARN{}, false
	}
	return ARN{Partition: parts[1], Service: parts[2], Region: parts[3], AccountID: parts[4], Resource: parts[5]}, true
}
