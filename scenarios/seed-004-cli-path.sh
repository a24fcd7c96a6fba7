# The EC2 user guide's command-line path (seed 004): a role, its permissions, a profile, a launch.
aws iam create-role \
    --role-name s3access \
    --assume-role-policy-document file://ec2-role-trust-policy.json
aws iam put-role-policy \
    --role-name s3access \
    --policy-name S3-Permissions \
    --policy-document file://ec2-role-access-policy.json

# The classic mistake: the role name where EC2 wants an instance profile.
aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name="s3access"

aws iam create-instance-profile --instance-profile-name s3access-profile
aws iam add-role-to-instance-profile \
    --instance-profile-name s3access-profile \
    --role-name s3access
IID=$(aws ec2 run-instances --image-id ami-11aa22bb --iam-instance-profile Name="s3access-profile" \
    --key-name my-key-pair --security-groups my-security-group --subnet-id subnet-1a2b3c4d \
    --query "Instances[0].InstanceId" --output text)
aws ec2 wait instance-running --instance-ids "$IID"
aws ec2 describe-instances --query "Reservations[].Instances[].IamInstanceProfile.Arn"

# Inside the instance: credentials from the metadata service (IMDSv2), and who we are.
ssh "$IID"
TOKEN=`curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"` \
&& curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/security-credentials/s3access
aws sts get-caller-identity
exit
